// core/random.hpp: unguessable identifiers (session tokens, upload and proposal ids) from
// the operating system's random source (libsodium).
//
// Thread safety: safe from any thread.
#ifndef ZONEATLAS_CORE_RANDOM_HPP_
#define ZONEATLAS_CORE_RANDOM_HPP_

#include <cstddef>
#include <string>

namespace zoneatlas {

// `bytes` random bytes as lower-case hex (2 × bytes characters).
std::string RandomHex(std::size_t bytes);

}  // namespace zoneatlas

#endif  // ZONEATLAS_CORE_RANDOM_HPP_
