#include "rights/catalog.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <cctype>
#include <functional>
#include <set>

#include "platform/expressions/evaluator.hpp"
#include "platform/formats/json_reader.hpp"
#include "platform/resources/resources.hpp"
#include "rights/facts.hpp"

namespace zoneatlas::rights {
namespace json = boost::json;
namespace {

// Reads one right or parameter; English texts are optional (an empty one reads the Dutch).
class Reader : public formats::JsonReader {
 public:
  using formats::JsonReader::JsonReader;

  Texts Languages(std::string_view key, bool required = true) {
    auto [nl, fr, en] = JsonReader::Languages(key, false, required);
    return {std::move(nl), std::move(fr), std::move(en)};
  }
};

template <typename Enum, std::size_t N>
std::optional<Enum> ParseName(std::string_view text, const Enum (&values)[N], std::string_view (*name)(Enum)) {
  for (Enum value : values) {
    if (name(value) == text) return value;
  }
  return std::nullopt;
}

constexpr Level kLevels[] = {Level::kFederal, Level::kFlemish, Level::kBrussels, Level::kMunicipal};
constexpr Effect kEffects[] = {Effect::kRaisesIncome, Effect::kLowersCosts};
constexpr Reliability kReliabilities[] = {Reliability::kOfficial, Reliability::kPayingBody, Reliability::kSecondary,
                                          Reliability::kUnverified, Reliability::kMethod};
constexpr Automatic kAutomatics[] = {Automatic::kNo, Automatic::kPartly, Automatic::kYes};

bool IsIdentifierChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.'; }

bool IsId(std::string_view id, bool dots) {
  if (id.empty() || !std::islower(static_cast<unsigned char>(id.front()))) return false;
  for (char c : id) {
    if (!(std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '_' ||
          (dots && c == '.'))) {
      return false;
    }
  }
  return true;
}

// The {names} a reason text shows.
std::vector<std::string> Placeholders(std::string_view text) {
  std::vector<std::string> names;
  for (std::size_t open = text.find('{'); open != std::string_view::npos; open = text.find('{', open + 1)) {
    const std::size_t close = text.find('}', open);
    if (close == std::string_view::npos) break;
    names.emplace_back(text.substr(open + 1, close - open - 1));
  }
  return names;
}

Parameter ReadParameter(const json::object& object, std::vector<std::string>& problems) {
  Parameter parameter;
  Reader reader(object, "parameter", problems);
  parameter.id = reader.Text("id");
  Reader named(object, "parameter " + parameter.id, problems);
  if (!parameter.id.empty() && !IsId(parameter.id, true)) named.Problem("id", "needs lower case, digits, _ and .");
  parameter.description = named.Languages("description");
  parameter.unit = named.Text("unit");
  if (auto until = named.DateField("known_until")) parameter.known_until = *until;
  parameter.indexed_upwards = named.Text("indexed_upwards", false);
  if (!parameter.indexed_upwards.empty() && !parameter.unit.starts_with("EUR")) {
    named.Problem("indexed_upwards", "is for amounts in euro only");
  }
  for (const json::value& item : named.Array("values")) {
    if (!item.is_object()) {
      named.Problem("values", "holds something that is not an object");
      continue;
    }
    Reader figure(item.get_object(), named.context() + ": values[" + std::to_string(parameter.values.size()) + "]",
                  problems);
    ParameterValue value;
    if (auto from = figure.DateField("from"))
      value.from = *from;
    else
      continue;
    const json::value* number = figure.Field("value");
    if (number == nullptr || !number->is_number())
      figure.Problem("value", "needs a number");
    else
      value.value = number->to_number<double>();
    value.until = figure.DateField("until", false);
    if (value.until && *value.until < value.from) figure.Problem("until", "comes before from");
    value.decided = figure.DateField("decided", false);
    value.legal_source = figure.Text("legal_source", false);
    value.source = figure.Text("source");
    const auto reliability = ParseName(figure.Text("reliability"), kReliabilities, ReliabilityCode);
    if (!reliability)
      figure.Problem("reliability", "needs O, P, S, U or M (a choice of method)");
    else
      value.reliability = *reliability;
    if (!parameter.values.empty() &&
        !(parameter.values.back().from < value.from &&
          (!parameter.values.back().until || *parameter.values.back().until < value.from))) {
      figure.Problem("from", "needs to come after the previous figure's period");
    }
    parameter.values.push_back(std::move(value));
  }
  if (parameter.values.empty())
    named.Problem("values", "needs at least one figure");
  else if (parameter.known_until < parameter.values.back().from) {
    named.Problem("known_until", "comes before the last figure");
  }
  return parameter;
}

Condition ReadCondition(Reader& reader) {
  Condition condition;
  condition.test = reader.Text("test", false);
  condition.near = reader.Text("near", false);
  if (condition.test.empty()) {
    condition.check = reader.Languages("check");
    if (!condition.near.empty()) reader.Problem("near", "needs a test");
  } else {
    condition.yes = reader.Languages("yes");
    condition.no = reader.Languages("no");
  }
  return condition;
}

Right ReadRight(const json::object& object, std::vector<std::string>& problems) {
  Right right;
  Reader anonymous(object, "right", problems);
  right.id = anonymous.Text("id");
  Reader reader(object, "right " + right.id, problems);
  if (!right.id.empty() && !IsId(right.id, false)) reader.Problem("id", "needs the Dutch name in snake_case");
  right.name = reader.Languages("name");
  right.explanation = reader.Languages("explanation");
  if (auto level = ParseName(reader.Text("level"), kLevels, LevelName))
    right.level = *level;
  else
    reader.Problem("level", "needs federal, flemish, brussels or municipal");
  right.theme = reader.Text("theme");
  if (auto effect = ParseName(reader.Text("effect"), kEffects, EffectName))
    right.effect = *effect;
  else
    reader.Problem("effect", "needs raises_income or lowers_costs");
  right.competent_body = reader.Languages("competent_body");
  right.how_to_apply = reader.Languages("how_to_apply");
  right.social_worker_may_apply = reader.Flag("social_worker_may_apply");
  right.social_worker_note = reader.Languages("social_worker_note", false);
  if (auto automatic = ParseName(reader.Text("automatic"), kAutomatics, AutomaticName))
    right.automatic = *automatic;
  else
    reader.Problem("automatic", "needs no, partly or yes");
  right.automatic_note = reader.Languages("automatic_note", right.automatic != Automatic::kNo);
  for (const json::value& document : reader.Array("documents", false)) {
    if (!document.is_object()) continue;
    Reader inner(document.get_object(), reader.context() + ": documents", problems);
    right.documents.push_back({inner.Text("nl"), inner.Text("fr"), inner.Text("en", false)});
  }
  for (const json::value& id : reader.Array("unlocks", false)) {
    if (id.is_string()) right.unlocks.emplace_back(id.get_string());
  }
  for (const json::value& source : reader.Array("sources")) {
    if (source.is_string()) right.sources.emplace_back(source.get_string());
  }
  if (right.sources.empty()) reader.Problem("sources", "needs at least one source");
  if (const json::value* terms = reader.Field("terms"); terms != nullptr) {
    if (!terms->is_object())
      reader.Problem("terms", "needs an object of name: expression");
    else {
      for (const auto& [name, expression] : terms->get_object()) {
        if (!IsId(name, false) || !expression.is_string()) {
          reader.Problem("terms", "needs snake_case names with expressions as text");
          continue;
        }
        right.terms.push_back({std::string(name), std::string(expression.get_string())});
      }
    }
  }
  if (const json::value* social_map = reader.Field("social_map"); social_map != nullptr) {
    if (!social_map->is_object()) {
      reader.Problem("social_map", "needs an object with q (nl, fr) and/or theme");
    } else {
      Reader inner(social_map->get_object(), reader.context() + ": social_map", problems);
      right.social_map_query = inner.Languages("q", false);
      right.social_map_theme = inner.Text("theme", false);
    }
  }
  if (const json::value* take_up = reader.Field("take_up"); take_up != nullptr) {
    if (!take_up->is_object()) {
      reader.Problem("take_up", "needs an object with indicator and need_indicators");
    } else {
      Reader inner(take_up->get_object(), reader.context() + ": take_up", problems);
      right.take_up_indicator = inner.Text("indicator");
      for (const json::value& id : inner.Array("need_indicators")) {
        if (id.is_string()) right.need_indicators.emplace_back(id.get_string());
      }
      if (right.need_indicators.empty()) inner.Problem("need_indicators", "needs at least one atlas indicator");
      right.take_up_base = inner.Text("base", false);
    }
  }
  const json::array& routes = reader.Array("routes");
  if (routes.empty()) reader.Problem("routes", "needs at least one route");
  for (const json::value& item : routes) {
    if (!item.is_object()) continue;
    Reader route_reader(item.get_object(), reader.context() + ": route " + std::to_string(right.routes.size() + 1),
                        problems);
    Route route;
    route.name = route_reader.Languages("name");
    if (const json::value* automatic = route_reader.Field("automatic"); automatic != nullptr) {
      route.automatic = automatic->is_bool() && automatic->get_bool();
    }
    const json::array& conditions = route_reader.Array("conditions");
    if (conditions.empty()) route_reader.Problem("conditions", "needs at least one condition");
    for (const json::value& condition : conditions) {
      if (!condition.is_object()) continue;
      Reader condition_reader(condition.get_object(),
                              route_reader.context() + ": condition " + std::to_string(route.conditions.size() + 1),
                              problems);
      route.conditions.push_back(ReadCondition(condition_reader));
    }
    right.routes.push_back(std::move(route));
  }
  std::size_t conditions = 0;
  for (const Route& route : right.routes) conditions += route.conditions.size();
  if (conditions >= kMaxConditions) {
    reader.Problem("routes", "hold " + std::to_string(conditions) + " conditions; at most " +
                                 std::to_string(kMaxConditions - 1) + " in all");
  }
  return right;
}

// Every reason's {placeholders} name a fact, a parameter or one of the right's terms.
void CheckPlaceholders(const Right& right, const std::set<std::string, std::less<>>& names,
                       std::vector<std::string>& problems) {
  auto check = [&](const Texts& texts, const std::string& where) {
    for (const std::string* text : {&texts.nl, &texts.fr, &texts.en}) {
      for (const std::string& name : Placeholders(*text)) {
        const bool term = std::ranges::any_of(right.terms, [&](const Term& t) { return t.name == name; });
        if (!term && !names.contains(name)) {
          problems.push_back("right " + right.id + ": " + where + ": {" + name + "} is not a fact, parameter or term");
        }
      }
    }
  };
  for (std::size_t r = 0; r < right.routes.size(); ++r) {
    for (std::size_t c = 0; c < right.routes[r].conditions.size(); ++c) {
      const Condition& condition = right.routes[r].conditions[c];
      const std::string where = "route " + std::to_string(r + 1) + ": condition " + std::to_string(c + 1);
      check(condition.yes, where + ": yes");
      check(condition.no, where + ": no");
      check(condition.check, where + ": check");
    }
  }
}

// Writes reviewed figures into the catalog's parameters, as if they had been in the file:
// a figure with the same `from` replaces the old one, and known_until moves forward.
// Lays reviewed definitions over the file's rights.
void ReplaceRights(json::object& root, const std::vector<RightChange>& changes, std::vector<std::string>& problems) {
  json::value* rights = root.if_contains("rights");
  if (changes.empty() || rights == nullptr || !rights->is_array()) return;
  for (const RightChange& change : changes) {
    json::error_code ec;
    json::value definition = json::parse(change.definition, ec);
    if (ec || !definition.is_object()) {
      problems.push_back("right " + change.right_id + ": definition: is not a JSON object (" +
                         (ec ? ec.message() : std::string("{ … } expected")) + ")");
      continue;
    }
    const json::value* id = definition.get_object().if_contains("id");
    if (id == nullptr || !id->is_string() || id->get_string() != change.right_id) {
      problems.push_back("right " + change.right_id + ": definition: its \"id\" must stay \"" + change.right_id + "\"");
      continue;
    }
    json::array& list = rights->get_array();
    auto same = std::find_if(list.begin(), list.end(), [&](const json::value& item) {
      const json::value* item_id = item.is_object() ? item.get_object().if_contains("id") : nullptr;
      return item_id != nullptr && item_id->is_string() && item_id->get_string() == change.right_id;
    });
    if (same != list.end()) {
      *same = std::move(definition);
    } else {
      list.push_back(std::move(definition));
    }
  }
}

void WriteIndented(const json::value& value, int depth, std::string& out) {
  const std::string indent(static_cast<std::size_t>(depth + 1) * 2, ' ');
  const std::string closing(static_cast<std::size_t>(depth) * 2, ' ');
  if (value.is_object() && !value.get_object().empty()) {
    out += "{\n";
    bool first = true;
    for (const auto& [key, member] : value.get_object()) {
      if (!first) out += ",\n";
      first = false;
      out += indent + json::serialize(json::string(key)) + ": ";
      WriteIndented(member, depth + 1, out);
    }
    out += "\n" + closing + "}";
  } else if (value.is_array() && !value.get_array().empty()) {
    out += "[\n";
    bool first = true;
    for (const json::value& item : value.get_array()) {
      if (!first) out += ",\n";
      first = false;
      out += indent;
      WriteIndented(item, depth + 1, out);
    }
    out += "\n" + closing + "]";
  } else {
    out += json::serialize(value);
  }
}

void AddFigures(json::object& root, const std::vector<FigureChange>& changes, std::vector<std::string>& problems) {
  json::value* parameters = root.if_contains("parameters");
  if (changes.empty() || parameters == nullptr || !parameters->is_array()) return;
  for (const FigureChange& change : changes) {
    json::object* parameter = nullptr;
    for (json::value& item : parameters->get_array()) {
      if (item.is_object() && item.get_object().if_contains("id") &&
          item.get_object().at("id") == json::value(change.parameter_id)) {
        parameter = &item.get_object();
      }
    }
    if (parameter == nullptr) {
      problems.push_back("parameter " + change.parameter_id +
                         ": a reviewed figure is for a parameter no longer in the catalog");
      continue;
    }
    const ParameterValue& figure = change.value;
    json::object value{{"from", figure.from.ToIso()}, {"value", figure.value}};
    if (figure.until) value["until"] = figure.until->ToIso();
    value["decided"] = figure.decided ? json::value(figure.decided->ToIso()) : json::value(nullptr);
    if (!figure.legal_source.empty()) value["legal_source"] = figure.legal_source;
    value["source"] = figure.source;
    value["reliability"] = ReliabilityCode(figure.reliability);
    json::value& values = (*parameter)["values"];
    if (!values.is_array()) values.emplace_array();
    json::array& list = values.get_array();
    for (auto it = list.begin(); it != list.end();) {
      const bool same_day =
          it->is_object() && it->get_object().if_contains("from") && it->get_object().at("from") == value.at("from");
      it = same_day ? list.erase(it) : it + 1;
    }
    const auto at = std::ranges::find_if(list, [&](const json::value& v) {
      return v.is_object() && v.get_object().if_contains("from") && v.get_object().at("from").is_string() &&
             std::string_view(v.get_object().at("from").get_string()) > figure.from.ToIso();
    });
    list.insert(at, std::move(value));
    const json::value* known = parameter->if_contains("known_until");
    if (known == nullptr || !known->is_string() || std::string_view(known->get_string()) < change.known_until.ToIso()) {
      (*parameter)["known_until"] = change.known_until.ToIso();
    }
  }
}

}  // namespace

std::string_view LevelName(Level level) {
  switch (level) {
    case Level::kFederal:
      return "federal";
    case Level::kFlemish:
      return "flemish";
    case Level::kBrussels:
      return "brussels";
    case Level::kMunicipal:
      break;
  }
  return "municipal";
}

std::string_view EffectName(Effect effect) {
  return effect == Effect::kRaisesIncome ? "raises_income" : "lowers_costs";
}

std::string_view ReliabilityCode(Reliability reliability) {
  switch (reliability) {
    case Reliability::kOfficial:
      return "O";
    case Reliability::kPayingBody:
      return "P";
    case Reliability::kSecondary:
      return "S";
    case Reliability::kUnverified:
      return "U";
    case Reliability::kMethod:
      break;
  }
  return "M";
}

std::string_view AutomaticName(Automatic automatic) {
  switch (automatic) {
    case Automatic::kNo:
      return "no";
    case Automatic::kPartly:
      return "partly";
    case Automatic::kYes:
      break;
  }
  return "yes";
}

std::string_view OutcomeName(Outcome outcome) {
  switch (outcome) {
    case Outcome::kLikely:
      return "likely";
    case Outcome::kPossible:
      return "possible";
    case Outcome::kUnlikely:
      return "unlikely";
    case Outcome::kUnknown:
      break;
  }
  return "unknown";
}

const ParameterValue* Parameter::At(const Date& date) const {
  if (values.empty() || date < values.front().from || known_until < date) return nullptr;
  const ParameterValue* found = nullptr;
  for (const ParameterValue& value : values) {
    if (date < value.from) break;
    found = &value;
  }
  return found->until && *found->until < date ? nullptr : found;
}

const ParameterValue* Parameter::Before(const Date& date) const {
  const ParameterValue* found = nullptr;
  for (const ParameterValue& value : values) {
    if (date < value.from) break;
    found = &value;
  }
  return found;
}

const ParameterValue* Parameter::After(const Date& date) const {
  for (const ParameterValue& value : values) {
    if (date < value.from) return &value;
  }
  return nullptr;
}

Date Parameter::NewestEnds() const {
  if (values.empty()) return known_until;
  return values.back().until ? std::min(*values.back().until, known_until) : known_until;
}

Result<std::string> Catalog::TryExpandTerms(const Right& right, std::string_view expression) {
  std::string text(expression);
  // Terms may use earlier terms; each pass writes out one level. A term used twice by the
  // next doubles the text at each level, so the text is capped as it grows.
  bool changed = true;
  for (std::size_t pass = 0; pass <= right.terms.size() && changed; ++pass) {
    std::string out;
    changed = false;
    for (std::size_t i = 0; i < text.size();) {
      if (!IsIdentifierChar(text[i])) {
        out += text[i++];
        continue;
      }
      std::size_t end = i;
      while (end < text.size() && IsIdentifierChar(text[end])) ++end;
      const std::string_view word(text.data() + i, end - i);
      const auto term = std::ranges::find_if(right.terms, [&](const Term& t) { return t.name == word; });
      if (term != right.terms.end()) {
        out += "(" + term->expression + ")";
        changed = true;
      } else {
        out += word;
      }
      if (out.size() > kMaxExpandedLength) {
        return Fail(Error::InvalidArgument("with its terms written out the expression is longer than " +
                                           std::to_string(kMaxExpandedLength) +
                                           " characters; use fewer terms, each fewer times"));
      }
      i = end;
    }
    text = std::move(out);
  }
  if (changed) return Fail(Error::InvalidArgument("a term uses itself, directly or through other terms"));
  return text;
}

std::string Catalog::ExpandTerms(const Right& right, std::string_view expression) {
  auto expanded = TryExpandTerms(right, expression);
  return expanded ? std::move(*expanded) : std::string(expression);
}

std::vector<std::string> NamesIn(std::string_view expression) {
  std::vector<std::string> names;
  for (std::size_t i = 0; i < expression.size();) {
    if (!IsIdentifierChar(expression[i])) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < expression.size() && IsIdentifierChar(expression[end])) ++end;
    names.emplace_back(expression.substr(i, end - i));
    i = end;
  }
  return names;
}

std::vector<std::string> VariableNames(const Catalog& catalog) {
  std::vector<std::string> names;
  for (const FactInfo& fact : Facts()) names.emplace_back(fact.name);
  for (const Parameter& parameter : catalog.parameters()) names.push_back(parameter.id);
  for (const Right& right : catalog.rights()) names.push_back("right." + right.id);
  return names;
}

Result<Catalog> Catalog::Parse(std::string_view text, const std::vector<FigureChange>& changes,
                               const std::vector<RightChange>& definitions) {
  json::error_code ec;
  json::value document = json::parse(text, ec);
  if (ec || !document.is_object()) {
    return Fail(Error::InvalidArgument("the rights catalog is not a JSON object: " + ec.message()));
  }
  Catalog catalog;
  std::vector<std::string> problems;
  AddFigures(document.get_object(), changes, problems);
  ReplaceRights(document.get_object(), definitions, problems);
  const json::object& root = document.get_object();
  if (const json::value* parameters = root.if_contains("parameters"); parameters && parameters->is_array()) {
    for (const json::value& item : parameters->get_array()) {
      if (item.is_object()) catalog.parameters_.push_back(ReadParameter(item.get_object(), problems));
    }
  } else {
    problems.push_back("catalog: parameters: needs a list");
  }
  if (const json::value* rights = root.if_contains("rights"); rights && rights->is_array()) {
    for (const json::value& item : rights->get_array()) {
      if (item.is_object()) catalog.rights_.push_back(ReadRight(item.get_object(), problems));
    }
  } else {
    problems.push_back("catalog: rights: needs a list");
  }
  for (std::size_t i = 0; i < catalog.parameters_.size(); ++i) {
    const std::string& id = catalog.parameters_[i].id;
    if (!catalog.parameter_index_.emplace(id, static_cast<int>(i)).second) {
      problems.push_back("parameter " + id + ": id: appears twice");
    }
    if (FindFact(id) >= 0) problems.push_back("parameter " + id + ": id: is the name of a fact");
  }
  for (std::size_t i = 0; i < catalog.rights_.size(); ++i) {
    if (!catalog.right_index_.emplace(catalog.rights_[i].id, static_cast<int>(i)).second) {
      problems.push_back("right " + catalog.rights_[i].id + ": id: appears twice");
    }
  }

  // Every test compiles against the known names; note which rights each right reads.
  const std::vector<std::string> names = VariableNames(catalog);
  const std::set<std::string, std::less<>> name_set(names.begin(), names.end());
  const int first_right_slot = static_cast<int>(names.size() - catalog.rights_.size());
  expressions::Evaluator evaluator(names);
  std::vector<std::set<int>> reads_rights(catalog.rights_.size());
  for (std::size_t r = 0; r < catalog.rights_.size(); ++r) {
    const Right& right = catalog.rights_[r];
    for (const std::string& unlocked : right.unlocks) {
      if (!catalog.right_index_.contains(unlocked)) {
        problems.push_back("right " + right.id + ": unlocks: " + unlocked + " is not a right of the catalog");
      }
    }
    for (const Term& term : right.terms) {
      auto expanded = TryExpandTerms(right, term.expression);
      if (!expanded) {
        problems.push_back("right " + right.id + ": terms: " + term.name + ": " + expanded.error().message());
      } else if (auto compiled = evaluator.Add(*expanded); !compiled) {
        problems.push_back("right " + right.id + ": terms: " + term.name + ": " + compiled.error().message());
      }
    }
    for (std::size_t route = 0; route < right.routes.size(); ++route) {
      for (std::size_t c = 0; c < right.routes[route].conditions.size(); ++c) {
        const Condition& condition = right.routes[route].conditions[c];
        const std::string where =
            "right " + right.id + ": route " + std::to_string(route + 1) + ": condition " + std::to_string(c + 1);
        for (const auto& [field, expression] :
             {std::pair{"test", &condition.test}, std::pair{"near", &condition.near}}) {
          if (expression->empty()) continue;
          auto expanded = TryExpandTerms(right, *expression);
          if (!expanded) {
            problems.push_back(where + ": " + field + ": " + expanded.error().message());
            continue;
          }
          auto compiled = evaluator.Add(*expanded);
          if (!compiled) {
            problems.push_back(where + ": " + field + ": " + compiled.error().message());
            continue;
          }
          for (int slot : evaluator.Reads(*compiled)) {
            if (slot >= first_right_slot) reads_rights[r].insert(slot - first_right_slot);
          }
        }
      }
    }
    CheckPlaceholders(right, name_set, problems);
  }

  // Order: each right after those it reads (depth-first); a cycle is a problem.
  std::vector<int> state(catalog.rights_.size(), 0);  // 0 new, 1 visiting, 2 done.
  std::function<void(int)> visit = [&](int r) {
    if (state[r] == 2) return;
    if (state[r] == 1) {
      problems.push_back("right " + catalog.rights_[r].id + ": routes: depend on each other in a cycle");
      return;
    }
    state[r] = 1;
    for (int read : reads_rights[r]) visit(read);
    state[r] = 2;
    catalog.order_.push_back(r);
  };
  for (std::size_t r = 0; r < catalog.rights_.size(); ++r) visit(static_cast<int>(r));

  if (!problems.empty()) {
    std::string message;
    for (const std::string& problem : problems) message += problem + "\n";
    message.pop_back();
    return Fail(Error::InvalidArgument(std::move(message)));
  }
  return catalog;
}

Result<Catalog> Catalog::Shipped(const std::vector<FigureChange>& changes, const std::vector<RightChange>& rights) {
  auto text = resources::Find("rights/rights.json");
  if (!text) return Fail(Error::Internal("the rights catalog is not embedded in this binary"));
  return Parse(*text, changes, rights);
}

Result<std::string> Catalog::ShippedDefinition(std::string_view right_id) {
  auto text = resources::Find("rights/rights.json");
  if (!text) return Fail(Error::Internal("the rights catalog is not embedded in this binary"));
  json::error_code ec;
  const json::value document = json::parse(*text, ec);
  const json::value* rights = !ec && document.is_object() ? document.get_object().if_contains("rights") : nullptr;
  if (rights != nullptr && rights->is_array()) {
    for (const json::value& item : rights->get_array()) {
      const json::value* id = item.is_object() ? item.get_object().if_contains("id") : nullptr;
      if (id == nullptr || !id->is_string() || id->get_string() != right_id) continue;
      std::string out;
      WriteIndented(item, 0, out);
      return out + "\n";
    }
  }
  return Fail(Error::NotFound("the catalog has no right " + std::string(right_id)));
}

CurrentCatalog::CurrentCatalog(Catalog first, Loader loader)
    : catalog_(std::make_shared<const Catalog>(std::move(first))),
      loader_(std::move(loader)),
      loaded_at_(std::chrono::steady_clock::now()) {}

std::shared_ptr<const Catalog> CurrentCatalog::Get() {
  constexpr auto kReadAgainAfter = std::chrono::minutes(1);
  {
    std::lock_guard lock(mutex_);
    if (std::chrono::steady_clock::now() - loaded_at_ < kReadAgainAfter) return catalog_;
    loaded_at_ = std::chrono::steady_clock::now();  // One request reads again; the others go on.
  }
  (void)Refresh();  // On failure the catalog in force stays.
  std::lock_guard lock(mutex_);
  return catalog_;
}

Status CurrentCatalog::Refresh() {
  auto loaded = loader_();
  if (!loaded) return Fail(loaded.error());
  auto fresh = std::make_shared<const Catalog>(std::move(*loaded));
  std::lock_guard lock(mutex_);
  catalog_ = std::move(fresh);
  loaded_at_ = std::chrono::steady_clock::now();
  return {};
}

const Right* Catalog::Find(std::string_view id) const {
  auto found = right_index_.find(id);
  return found == right_index_.end() ? nullptr : &rights_[found->second];
}

const Parameter* Catalog::FindParameter(std::string_view id) const {
  auto found = parameter_index_.find(id);
  return found == parameter_index_.end() ? nullptr : &parameters_[found->second];
}

}  // namespace zoneatlas::rights
