// tests/http/server_process.hpp: the real zoneatlas binary, started for a test.
//
// ServerProcess loads the demo data into a fresh SQLite database with the CLI, starts
// `zoneatlas serve --port 0`, reads the port from its first line, and stops it (SIGTERM)
// when destroyed. RawHttp sends bytes as written, so tests can send what a broken or
// hostile client would.
#ifndef ZONEATLAS_TESTS_HTTP_SERVER_PROCESS_HPP_
#define ZONEATLAS_TESTS_HTTP_SERVER_PROCESS_HPP_

#include <sys/types.h>

#include <chrono>
#include <map>
#include <string>
#include <vector>

namespace zoneatlas::testing {

struct CommandResult {
  int exit_code = -1;
  std::string output;  // Standard output and error together.
};

// Writes `content` to `path`, replacing it.
void WriteFile(const std::string& path, const std::string& content);

// Runs the zoneatlas binary with `arguments` and waits for it.
CommandResult RunZoneatlas(const std::vector<std::string>& arguments);
// Starts it without waiting: its pid and a pipe with its standard output and error.
std::pair<pid_t, int> StartZoneatlas(const std::vector<std::string>& arguments);

struct HttpResponse {
  int status = 0;
  std::map<std::string, std::string> headers;  // Lower-case names.
  std::string body;                            // Chunks joined.
  bool chunked = false;
  bool complete = false;  // The whole body arrived (its length, or the last chunk).
  std::string Header(const std::string& name) const;
};

class ServerProcess {
 public:
  // REQUIRES: called at most once per test; failures are reported with ADD_FAILURE.
  explicit ServerProcess(std::vector<std::string> extra_arguments = {});
  ~ServerProcess();

  int port() const { return port_; }
  pid_t pid() const { return pid_; }
  const std::string& database() const { return database_; }
  bool running() const { return pid_ > 0; }

  // One request on a new connection ("GET", "/nl/", extra header lines, body).
  HttpResponse Request(const std::string& method, const std::string& target,
                       const std::vector<std::string>& headers = {}, const std::string& body = "") const;
  HttpResponse Get(const std::string& target, const std::vector<std::string>& headers = {}) const {
    return Request("GET", target, headers);
  }
  // The same, waiting up to `timeout` for the answer: a PDF waits for a renderer to start,
  // which takes seconds on a busy machine.
  HttpResponse RequestWithin(std::chrono::milliseconds timeout, const std::string& method, const std::string& target,
                             const std::vector<std::string>& headers = {}, const std::string& body = "") const;

  // Sends SIGTERM and waits up to `timeout` for the exit; returns the exit code, or -1.
  int Terminate(std::chrono::milliseconds timeout);

 private:
  std::string directory_;
  std::string database_;
  pid_t pid_ = -1;
  int port_ = 0;
};

// Imports, by the command line beside the running server, a new definition of ELZ
// Zennevallei with Halle as its only member: a change every test can recognise.
void ReduceZennevalleiToHalle(const ServerProcess& server);

// A plain TCP connection to 127.0.0.1:port for hand-made requests.
class RawConnection {
 public:
  explicit RawConnection(int port);
  ~RawConnection();
  bool Send(const std::string& bytes);
  // Reads one response (headers and a Content-Length or chunked body); status 0 when the server
  // closed the connection or nothing came within `timeout`.
  HttpResponse ReadResponse(std::chrono::milliseconds timeout = std::chrono::seconds(5));
  // True when the server closes the connection within `timeout`.
  bool WaitForClose(std::chrono::milliseconds timeout);

 private:
  int socket_ = -1;
  std::string buffer_;
};

}  // namespace zoneatlas::testing

#endif  // ZONEATLAS_TESTS_HTTP_SERVER_PROCESS_HPP_
