// A repeating activity of the prevention agenda: its RRULE and start, as typed in the form
// or imported; the occurrences of a year when the rule is accepted.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "platform/calendar/calendar.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  using namespace zoneatlas;
  (void)calendar::ParseLocalDateTime(input);
  if (calendar::CheckRule(input)) return 0;  // Refused, with its reason.
  const calendar::LocalDateTime start{*Date::FromYmd(2026, 3, 10), 14 * 60};
  (void)calendar::Occurrences(start, input, *Date::FromYmd(2026, 1, 1), *Date::FromYmd(2026, 12, 31), 1000);
  return 0;
}
