#include "core/program.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <thread>

namespace zoneatlas {

std::string FindProgram(const std::vector<std::string>& names) {
  const char* path = std::getenv("PATH");
  if (path == nullptr) return "";
  for (const std::string& name : names) {
    std::string directories = path;
    std::size_t start = 0;
    while (start <= directories.size()) {
      const std::size_t end = directories.find(':', start);
      const std::string directory =
          directories.substr(start, end == std::string::npos ? std::string::npos : end - start);
      const std::filesystem::path candidate = std::filesystem::path(directory.empty() ? "." : directory) / name;
      if (access(candidate.c_str(), X_OK) == 0) return candidate.string();
      if (end == std::string::npos) break;
      start = end + 1;
    }
  }
  return "";
}

int RunProgram(const std::vector<std::string>& arguments, std::chrono::seconds timeout,
               const std::filesystem::path& errors) {
  // Opened before the fork: between fork and exec only async-signal-safe calls are allowed.
  const int output = errors.empty() ? open("/dev/null", O_WRONLY | O_CLOEXEC)
                                    : open(errors.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  std::vector<char*> argv;
  for (const std::string& argument : arguments) argv.push_back(const_cast<char*>(argument.c_str()));
  argv.push_back(nullptr);
  const pid_t child = fork();
  if (child < 0) {
    if (output >= 0) close(output);
    return -1;
  }
  if (child == 0) {
    setpgid(0, 0);  // Its helpers (a browser's) are stopped with it.
    if (output >= 0) {
      dup2(output, STDOUT_FILENO);
      dup2(output, STDERR_FILENO);
    }
    execv(argv[0], argv.data());
    _exit(127);
  }
  if (output >= 0) close(output);
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  bool stopped = false;
  while (true) {
    // Seen without being reaped, so that the group can still be told apart below.
    siginfo_t info{};
    if (waitid(P_PID, static_cast<id_t>(child), &info, WEXITED | WNOHANG | WNOWAIT) < 0 && errno != EINTR) {
      return -1;
    }
    if (info.si_pid == child) break;
    if (std::chrono::steady_clock::now() > deadline) {
      stopped = true;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  kill(-child, SIGKILL);  // On time out, and helpers the renderer left behind.
  int status = 0;
  if (waitpid(child, &status, 0) < 0 || stopped) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace zoneatlas
