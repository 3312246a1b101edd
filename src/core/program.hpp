// core/program.hpp: running another program installed beside zoneatlas — a PDF renderer,
// GDAL's ogr2ogr — safely from a multi-threaded server.
//
// Programs run without a shell (file names are never interpreted), in a process group of
// their own that is stopped whole at the time limit, with standard output and error sent
// to /dev/null or to a file.
//
// Thread safety: both functions may be called from many threads.
#ifndef ZONEATLAS_CORE_PROGRAM_HPP_
#define ZONEATLAS_CORE_PROGRAM_HPP_

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

namespace zoneatlas {

// The path of the first of `names` found on PATH, or "" when none is.
std::string FindProgram(const std::vector<std::string>& names);

// Runs `arguments` (the program's path first) and waits at most `timeout`. Its output
// and errors go to `errors` when given (truncated), else to /dev/null. Returns the exit
// code, or -1 when it could not run or was stopped.
int RunProgram(const std::vector<std::string>& arguments, std::chrono::seconds timeout,
               const std::filesystem::path& errors = {});

}  // namespace zoneatlas

#endif  // ZONEATLAS_CORE_PROGRAM_HPP_
