#include "tests/http/server_process.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <random>
#include <thread>

namespace zoneatlas::testing {
namespace {

std::string Lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// Starts the binary with stdout and stderr on a pipe; returns the pid and the pipe.
std::pair<pid_t, int> Spawn(const std::vector<std::string>& arguments) {
  int pipe_fds[2];
  if (pipe(pipe_fds) != 0) return {-1, -1};
  const pid_t pid = fork();
  if (pid == 0) {
    dup2(pipe_fds[1], STDOUT_FILENO);
    dup2(pipe_fds[1], STDERR_FILENO);
    close(pipe_fds[0]);
    close(pipe_fds[1]);
    std::vector<char*> argv;
    std::string binary = ZONEATLAS_BINARY;
    argv.push_back(binary.data());
    std::vector<std::string> copies = arguments;
    for (std::string& argument : copies) argv.push_back(argument.data());
    argv.push_back(nullptr);
    execv(binary.c_str(), argv.data());
    _exit(127);
  }
  close(pipe_fds[1]);
  return {pid, pipe_fds[0]};
}

std::string ReadAll(int fd) {
  std::string output;
  char chunk[4096];
  ssize_t n;
  while ((n = read(fd, chunk, sizeof chunk)) > 0) output.append(chunk, static_cast<std::size_t>(n));
  return output;
}

}  // namespace

std::string HttpResponse::Header(const std::string& name) const {
  const auto it = headers.find(Lower(name));
  return it == headers.end() ? "" : it->second;
}

void WriteFile(const std::string& path, const std::string& content) {
  std::FILE* file = std::fopen(path.c_str(), "wb");
  ASSERT_NE(file, nullptr) << path;
  std::fwrite(content.data(), 1, content.size(), file);
  std::fclose(file);
}

std::pair<pid_t, int> StartZoneatlas(const std::vector<std::string>& arguments) { return Spawn(arguments); }

CommandResult RunZoneatlas(const std::vector<std::string>& arguments) {
  auto [pid, fd] = Spawn(arguments);
  CommandResult result;
  if (pid < 0) return result;
  result.output = ReadAll(fd);
  close(fd);
  int status = 0;
  waitpid(pid, &status, 0);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

ServerProcess::ServerProcess(std::vector<std::string> extra_arguments) {
  std::random_device random;
  directory_ = (std::filesystem::temp_directory_path() / ("zoneatlas-http-" + std::to_string(random()))).string();
  std::filesystem::create_directories(directory_);
  database_ = directory_ + "/test.db";
  const std::string demo = std::string(ZONEATLAS_SOURCE_ROOT) + "/data/demo/";
  for (const auto& arguments : std::vector<std::vector<std::string>>{
           {"--database", database_, "import", "areas", demo + "areas.csv"},
           {"--database", database_, "import", "zones", demo + "zones.csv"},
           {"--database", database_, "import", "geometry", demo + "boundaries.geojson", "--source", "demo"}}) {
    const CommandResult result = RunZoneatlas(arguments);
    if (result.exit_code != 0) {
      ADD_FAILURE() << "loading demo data failed: " << result.output;
      return;
    }
  }
  std::vector<std::string> arguments = {"--database", database_, "serve", "--port", "0"};
  arguments.insert(arguments.end(), extra_arguments.begin(), extra_arguments.end());
  auto [pid, fd] = Spawn(arguments);
  pid_ = pid;
  // The first line says "zoneatlas listening on http://127.0.0.1:PORT/ …".
  std::string line;
  char c;
  while (line.find('\n') == std::string::npos && read(fd, &c, 1) == 1) line += c;
  const auto at = line.find("127.0.0.1:");
  if (at == std::string::npos) {
    ADD_FAILURE() << "the server did not start: " << line << ReadAll(fd);
    close(fd);
    return;
  }
  port_ = std::atoi(line.c_str() + at + 10);
  // Keep draining the log so the server never blocks on a full pipe.
  std::thread([fd] {
    char buffer[4096];
    while (read(fd, buffer, sizeof buffer) > 0) {
    }
    close(fd);
  }).detach();
}

ServerProcess::~ServerProcess() {
  if (pid_ > 0) Terminate(std::chrono::seconds(15));
  std::error_code ignored;
  std::filesystem::remove_all(directory_, ignored);
}

int ServerProcess::Terminate(std::chrono::milliseconds timeout) {
  if (pid_ <= 0) return -1;
  kill(pid_, SIGTERM);
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  int status = 0;
  while (std::chrono::steady_clock::now() < deadline) {
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  kill(pid_, SIGKILL);
  waitpid(pid_, &status, 0);
  pid_ = -1;
  return -1;
}

HttpResponse ServerProcess::Request(const std::string& method, const std::string& target,
                                    const std::vector<std::string>& headers, const std::string& body) const {
  return RequestWithin(std::chrono::seconds(5), method, target, headers, body);
}

HttpResponse ServerProcess::RequestWithin(std::chrono::milliseconds timeout, const std::string& method,
                                          const std::string& target, const std::vector<std::string>& headers,
                                          const std::string& body) const {
  RawConnection connection(port_);
  std::string request = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
  for (const std::string& header : headers) request += header + "\r\n";
  if (!body.empty() || method == "POST") request += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  request += "\r\n" + body;
  connection.Send(request);
  return connection.ReadResponse(timeout);
}

void ReduceZennevalleiToHalle(const ServerProcess& server) {
  const std::string file = server.database() + ".zones.csv";
  WriteFile(file,
            "zone_id,kind,name_nl,name_fr,member_code,valid_from\n"
            "elz-zennevallei,eerstelijnszone,Eerstelijnszone Zennevallei,Zone de première ligne Zennevallei,"
            "23027,2020-01-01\n");
  const CommandResult imported = RunZoneatlas({"--database", server.database(), "import", "zones", file});
  ASSERT_EQ(imported.exit_code, 0) << imported.output;
}

RawConnection::RawConnection(int port) {
  socket_ = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(socket_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    close(socket_);
    socket_ = -1;
  }
}

RawConnection::~RawConnection() {
  if (socket_ >= 0) close(socket_);
}

bool RawConnection::Send(const std::string& bytes) {
  std::size_t sent = 0;
  while (socket_ >= 0 && sent < bytes.size()) {
    const ssize_t n = send(socket_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return false;
    sent += static_cast<std::size_t>(n);
  }
  return socket_ >= 0;
}

HttpResponse RawConnection::ReadResponse(std::chrono::milliseconds timeout) {
  HttpResponse response;
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  auto fill = [&]() {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0 || socket_ < 0) return false;
    pollfd poll_fd{socket_, POLLIN, 0};
    if (poll(&poll_fd, 1, static_cast<int>(left.count())) <= 0) return false;
    char chunk[8192];
    const ssize_t n = recv(socket_, chunk, sizeof chunk, 0);
    if (n <= 0) return false;
    buffer_.append(chunk, static_cast<std::size_t>(n));
    return true;
  };
  std::size_t header_end;
  while ((header_end = buffer_.find("\r\n\r\n")) == std::string::npos) {
    if (!fill()) return response;
  }
  const std::string head = buffer_.substr(0, header_end);
  buffer_.erase(0, header_end + 4);
  std::size_t line_end = head.find("\r\n");
  const std::string status_line = head.substr(0, line_end);
  if (status_line.size() > 12) response.status = std::atoi(status_line.c_str() + 9);
  while (line_end != std::string::npos && line_end < head.size()) {
    const std::size_t next = head.find("\r\n", line_end + 2);
    const std::string line =
        head.substr(line_end + 2, next == std::string::npos ? std::string::npos : next - line_end - 2);
    const auto colon = line.find(':');
    if (colon != std::string::npos) {
      std::string value = line.substr(colon + 1);
      while (!value.empty() && value.front() == ' ') value.erase(0, 1);
      const std::string name = Lower(line.substr(0, colon));
      if (response.headers.contains(name)) {
        response.headers[name] += "\n" + value;
      } else {
        response.headers[name] = value;
      }
    }
    line_end = next;
  }
  if (Lower(response.Header("transfer-encoding")) == "chunked") {
    // Each chunk: its size in hex, CRLF, the bytes, CRLF; a chunk of size 0 ends the body.
    response.chunked = true;
    while (true) {
      std::size_t line_end_at;
      while ((line_end_at = buffer_.find("\r\n")) == std::string::npos) {
        if (!fill()) return response;
      }
      const std::size_t size = std::strtoul(buffer_.substr(0, line_end_at).c_str(), nullptr, 16);
      while (buffer_.size() < line_end_at + 2 + size + 2) {
        if (!fill()) return response;
      }
      response.body += buffer_.substr(line_end_at + 2, size);
      buffer_.erase(0, line_end_at + 2 + size + 2);
      if (size == 0) {
        response.complete = true;
        return response;
      }
    }
  }
  const std::size_t length = std::strtoul(response.Header("content-length").c_str(), nullptr, 10);
  response.complete = true;
  while (buffer_.size() < length) {
    if (!fill()) {
      response.complete = false;
      break;
    }
  }
  response.body = buffer_.substr(0, length);
  buffer_.erase(0, std::min(length, buffer_.size()));
  return response;
}

bool RawConnection::WaitForClose(std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    pollfd poll_fd{socket_, POLLIN, 0};
    if (poll(&poll_fd, 1, 50) > 0) {
      char chunk[4096];
      const ssize_t n = recv(socket_, chunk, sizeof chunk, 0);
      if (n <= 0) return true;
    }
  }
  return false;
}

}  // namespace zoneatlas::testing
