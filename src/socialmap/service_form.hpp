// socialmap/service_form.hpp: the form in which editors write a service — reading it
// back with every problem named by field, and filling it from a service.
//
// Field names: name_nl/fr/en, description_nl/fr, plain_nl/fr, status, theme (repeated),
// target_group (repeated), cost, cost_note, phone, email, url, language (repeated),
// competent_level, application_process, area (repeated NIS codes), hours as
// h_{MO…SU}{1…3}_opens / _closes / _walkin (three periods a day), and for a service at a
// new place location_name, location_address, location_postal_code, location_city,
// location_municipality. Hours that match a period the service already had keep what the
// grid does not show (location, holidays, validity, note).
//
// Thread safety: pure functions.
#ifndef ZONEATLAS_SOCIALMAP_SERVICE_FORM_HPP_
#define ZONEATLAS_SOCIALMAP_SERVICE_FORM_HPP_

#include <boost/json/object.hpp>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/language.hpp"
#include "socialmap/model.hpp"
#include "socialmap/taxonomy.hpp"

namespace zoneatlas::socialmap {

inline constexpr int kPeriodsPerDay = 3;
// The languages the form offers for the desk (ISO 639-1), beyond those a service has.
inline constexpr std::string_view kDeskLanguages[] = {"nl", "fr", "en", "de", "ar", "tr", "es",
                                                      "it", "pl", "ro", "pt", "uk", "ru"};

struct FieldProblem {
  std::string field;    // The form field, for the page to point at.
  std::string message;  // An i18n key.
};

struct ServiceForm {
  Service service;
  std::optional<Location> location;  // The place as written: new, or the first one changed.
  std::string message;               // The proposer's note for the reviewer.
  std::vector<FieldProblem> problems;
  bool ok() const { return problems.empty(); }
};

// Reads the posted `fields` onto `base` (its id, organisation, locations, verification
// and flags are kept). `municipalities` are the NIS codes a service may serve. The
// location fields make a new place, or with `place` (the service's first location) change
// it — a new street or postcode drops its map point, which would be wrong, until someone
// gives coordinates again. Without `place` they may be left empty unless `place_required`
// (a new service), for help given by phone or online.
ServiceForm ReadServiceForm(const std::multimap<std::string, std::string>& fields, Service base,
                            const Taxonomy& taxonomy, const std::set<std::string>& municipalities,
                            const Location* place, bool place_required);

}  // namespace zoneatlas::socialmap

#endif  // ZONEATLAS_SOCIALMAP_SERVICE_FORM_HPP_
