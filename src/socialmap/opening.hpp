// socialmap/opening.hpp: is a service open at a given moment, and when does it open next.
//
// Hours are weekly and in Belgian local time. Hours whose closing time is at or before
// their opening time run past midnight (a night shelter 20:00–08:00). On Belgian public
// holidays (New Year, Easter Monday, 1 May, Ascension, Whit Monday, 21 July, 15 August,
// 1 and 11 November, Christmas) services are closed unless their hours say they are
// kept on holidays (a night shelter, a water point): pages say so.
//
// Thread safety: functions of their arguments.
#ifndef ZONEATLAS_SOCIALMAP_OPENING_HPP_
#define ZONEATLAS_SOCIALMAP_OPENING_HPP_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/brussels_time.hpp"
#include "socialmap/model.hpp"

namespace zoneatlas::socialmap {

bool IsPublicHoliday(const Date& date);

// True when any of `hours` is open at `moment` (walk-in hours only when `walk_in_only`).
bool OpenAt(const std::vector<Hours>& hours, const LocalMoment& moment, bool walk_in_only = false);

// The next moment, within two weeks after `moment` (a holiday may close a weekly
// opening), at which the service opens; nothing when it has no hours in that time. REQUIRES: !OpenAt(hours, moment).
std::optional<LocalMoment> NextOpening(const std::vector<Hours>& hours, const LocalMoment& moment);

// A compact form of the hours for the search index, and back.
std::string PackHours(const std::vector<Hours>& hours);
std::vector<Hours> UnpackHours(std::string_view packed);

}  // namespace zoneatlas::socialmap

#endif  // ZONEATLAS_SOCIALMAP_OPENING_HPP_
