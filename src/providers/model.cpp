#include "providers/model.hpp"

#include <algorithm>

namespace zoneatlas::providers {

const std::vector<Profession>& Professions() {
  static const std::vector<Profession> kProfessions = {
      {"huisarts", "Huisarts", "Médecin généraliste", "General practitioner"},
      {"apotheker", "Apotheker", "Pharmacien", "Pharmacist"},
      {"thuisverpleging", "Thuisverpleegkundige", "Infirmier·ère à domicile", "Home nurse"},
      {"kinesitherapeut", "Kinesitherapeut", "Kinésithérapeute", "Physiotherapist"},
      {"tandarts", "Tandarts", "Dentiste", "Dentist"},
      {"vroedvrouw", "Vroedvrouw", "Sage-femme", "Midwife"},
      {"psycholoog", "Eerstelijnspsycholoog", "Psychologue de première ligne", "Primary care psychologist"},
      {"logopedist", "Logopedist", "Logopède", "Speech therapist"},
      {"ergotherapeut", "Ergotherapeut", "Ergothérapeute", "Occupational therapist"},
      {"dietist", "Diëtist", "Diététicien·ne", "Dietitian"},
      {"podoloog", "Podoloog", "Podologue", "Podiatrist"},
      {"maatschappelijk_werker", "Maatschappelijk werker", "Assistant·e social·e", "Social worker"},
      {"gezinszorg", "Verzorgende gezinszorg", "Aide familial·e", "Home care worker"},
      {"mantelzorgconsulent", "Mantelzorgconsulent", "Consultant·e aidants proches", "Informal carer consultant"},
  };
  return kProfessions;
}

const Profession* FindProfession(std::string_view id) {
  const auto& all = Professions();
  const auto found = std::find_if(all.begin(), all.end(), [&](const Profession& p) { return p.id == id; });
  return found == all.end() ? nullptr : &*found;
}

std::string_view Code(Accepting accepting) {
  switch (accepting) {
    case Accepting::kYes:
      return "yes";
    case Accepting::kNo:
      return "no";
    case Accepting::kUnknown:
      break;
  }
  return "unknown";
}

std::optional<Accepting> ParseAccepting(std::string_view code) {
  for (Accepting accepting : {Accepting::kYes, Accepting::kNo, Accepting::kUnknown}) {
    if (Code(accepting) == code) return accepting;
  }
  return std::nullopt;
}

namespace {

bool IsLanguageCode(std::string_view code) {
  return code.size() >= 2 && code.size() <= 3 &&
         std::all_of(code.begin(), code.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

}  // namespace

std::vector<Problem> Check(const Provider& provider) {
  std::vector<Problem> problems;
  if (provider.id.empty()) problems.push_back({"id", "is missing"});
  if (provider.zone_id.empty()) problems.push_back({"zone", "is missing"});
  if (provider.name.empty()) problems.push_back({"name", "is missing"});
  if (FindProfession(provider.profession) == nullptr) {
    problems.push_back({"profession", "'" + provider.profession + "' is not a profession of the directory"});
  }
  for (const std::string& language : provider.languages) {
    if (!IsLanguageCode(language)) problems.push_back({"languages", "'" + language + "' is not a language code"});
  }
  if (provider.consent_how.empty() || provider.consent_on == Date::FromDaysSinceEpoch(0)) {
    problems.push_back({"consent", "a provider is listed only with their consent: give its date and how it was given"});
  } else if (Date::Today() < provider.consent_on) {
    problems.push_back({"consent", "is dated in the future"});
  }
  if (provider.phone.empty() && provider.email.empty() && provider.address.empty()) {
    problems.push_back({"contact", "give at least a phone number, an e-mail address or an address"});
  }
  if (!provider.email.empty() && provider.email.find('@') == std::string::npos) {
    problems.push_back({"email", "'" + provider.email + "' is not an e-mail address"});
  }
  return problems;
}

std::vector<Problem> Check(const Route& route, const Vocabulary& vocabulary) {
  std::vector<Problem> problems;
  if (route.id.empty()) problems.push_back({"id", "is missing"});
  if (route.question.empty()) problems.push_back({"question", "is missing"});
  if (vocabulary.FindTheme(route.theme) == nullptr) {
    problems.push_back({"theme", "'" + route.theme + "' is not a theme of the social map"});
  }
  for (const std::string& group : route.target_groups) {
    if (vocabulary.FindTargetGroup(group) == nullptr) {
      problems.push_back({"target_groups", "'" + group + "' is not a target group of the social map"});
    }
  }
  if (route.steps.empty()) problems.push_back({"steps", "a route needs at least one service to go to"});
  for (std::size_t i = 0; i < route.steps.size(); ++i) {
    const Step& step = route.steps[i];
    const std::string where = "steps[" + std::to_string(i) + "]";
    if (step.service.empty()) problems.push_back({where + ".service", "is missing"});
    if (!step.theme.empty() && vocabulary.FindTheme(step.theme) == nullptr) {
      problems.push_back({where + ".theme", "'" + step.theme + "' is not a theme of the social map"});
    }
  }
  return problems;
}

bool Matches(const Provider& provider, const ProviderFilter& filter) {
  auto has = [](const std::vector<std::string>& list, const std::string& item) {
    return std::find(list.begin(), list.end(), item) != list.end();
  };
  if (!filter.profession.empty() && provider.profession != filter.profession) return false;
  if (!filter.area.empty() && !has(provider.areas, filter.area)) return false;
  if (!filter.language.empty() && !has(provider.languages, filter.language)) return false;
  if (filter.accepting_only && provider.accepting != Accepting::kYes) return false;
  return true;
}

}  // namespace zoneatlas::providers
