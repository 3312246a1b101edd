// consultations/page_parts.hpp: what the consultations' pages share — names of zones and
// areas, themes and statuses in the reader's language, an action line as pages show it,
// and the small helpers of their forms. Internal to the feature's pages.
//
// Thread safety: pure functions.
#ifndef ZONEATLAS_CONSULTATIONS_PAGE_PARTS_HPP_
#define ZONEATLAS_CONSULTATIONS_PAGE_PARTS_HPP_

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "consultations/pages.hpp"
#include "platform/http/message.hpp"

namespace zoneatlas::consultations {

using Form = std::multimap<std::string, std::string>;

std::string Message(const web::Site& site, Language language, std::string_view key);
std::string ShowDate(const Date& date, Language language);
std::string ThemeName(const Services& services, const std::string& id, Language language);
std::string TargetGroupName(const Services& services, const std::string& id, Language language);
std::string StatusLabel(const web::Site& site, Language language, ActionStatus status);

// Names of what a page shows: zones and areas, read once per page.
struct Names {
  std::map<std::string, std::string> zones;
  std::map<std::string, std::string> areas;
  std::map<std::string, std::string> groups;  // Working groups of every zone.
};

Result<Names> NamesFor(const Services& services, Language language);
// The name under `id`, else the id itself.
std::string NameOr(const std::map<std::string, std::string>& names, const std::string& id);

// The session's form token, for forms of signed-in users.
void AddForm(const http::Request& request, boost::json::object& model);
http::Response NoStore(http::Response page);
// The non-empty lines of a text area, trimmed.
std::vector<std::string> Lines(std::string_view text);

// The zone's working groups to choose from, the chosen one marked ("" for none).
Result<boost::json::array> GroupChoices(const Services& services, const std::string& zone_id,
                                        const std::string& chosen);
// A form's problems in the reader's language: "Signal 2: a description is required".
boost::json::array ProblemsModel(const web::Site& site, const std::vector<Problem>& problems, Language language);

// An action line as pages show it, with its status form for editors. `meeting_titles` and
// `group_names` name the meeting it came from and the working group that takes it up.
boost::json::object ActionLineModel(const web::Site& site, const Services& services, const ActionLine& line,
                                    const std::map<std::string, std::string>& meeting_titles,
                                    const std::map<std::string, std::string>& group_names, bool editing,
                                    Language language);

}  // namespace zoneatlas::consultations

#endif  // ZONEATLAS_CONSULTATIONS_PAGE_PARTS_HPP_
