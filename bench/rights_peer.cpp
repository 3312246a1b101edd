// The rights benchmark's PostgreSQL peer, written from the catalog itself: the facts of
// the synthetic households as a CSV for COPY (empty = unknown = NULL), and one SQL query
// that evaluates every rule of every right for every household, in SQL's three-valued
// logic, and sums the outcome codes per right (as rights_bench does).
//
// Each condition becomes a code (holds 3, near, between or check 2, unknown 1, fails 0);
// a route is the least of its conditions, a right the greatest of its routes. As the
// screener does, a right read that is possible or unknown is tried both ways, and a
// parameter only ever indexed upwards with no figure on the date at its floor and its
// ceiling (ConditionCode). Parameters are the figures at the date, NULL where none is
// known and nothing bounds them.
//
// Usage: rights_peer DATE HOUSEHOLDS OUT_DIR   (writes OUT_DIR/facts.csv and query.sql)
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <set>
#include <stdexcept>
#include <string>

#include "bench/rights_households.hpp"
#include "rights/catalog.hpp"
#include "rights/screen.hpp"

namespace zoneatlas::rights {
namespace {

std::string Column(std::string_view name) {
  std::string column(name);
  for (char& c : column) {
    if (c == '.') c = '_';
  }
  return column;
}

// muparser's syntax to SQL over numbers: ternary < || < && < comparisons < + - < * / < unary.
class Translator {
 public:
  Translator(std::string_view text, const std::map<std::string, std::string>& names) : text_(text), names_(names) {}

  std::string Translate() {
    std::string sql = Ternary();
    Skip();
    if (at_ != text_.size()) throw std::runtime_error("unexpected '" + std::string(text_.substr(at_)) + "'");
    return sql;
  }

 private:
  void Skip() {
    while (at_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[at_]))) ++at_;
  }
  bool Eat(std::string_view token) {
    Skip();
    if (text_.substr(at_, token.size()) != token) return false;
    at_ += token.size();
    return true;
  }
  std::string Ternary() {
    std::string condition = Or();
    if (!Eat("?")) return condition;
    std::string yes = Ternary();
    if (!Eat(":")) throw std::runtime_error("':' expected");
    std::string no = Ternary();
    return "(CASE WHEN (" + condition + ") <> 0 THEN (" + yes + ") WHEN (" + condition + ") = 0 THEN (" + no + ") END)";
  }
  std::string Or() {
    std::string left = And();
    while (Eat("||")) left = "(((" + left + ") <> 0 OR (" + And() + ") <> 0)::int)";
    return left;
  }
  std::string And() {
    std::string left = Comparison();
    while (Eat("&&")) left = "(((" + left + ") <> 0 AND (" + Comparison() + ") <> 0)::int)";
    return left;
  }
  std::string Comparison() {
    std::string left = Sum();
    for (const auto& [token, sql] : {std::pair{"==", "="}, std::pair{"!=", "<>"}, std::pair{"<=", "<="},
                                     std::pair{">=", ">="}, std::pair{"<", "<"}, std::pair{">", ">"}}) {
      if (Eat(token)) return "((" + left + ") " + sql + " (" + Sum() + "))::int";
    }
    return left;
  }
  std::string Sum() {
    std::string left = Product();
    while (true) {
      if (Eat("+"))
        left = "(" + left + " + " + Product() + ")";
      else if (Eat("-"))
        left = "(" + left + " - " + Product() + ")";
      else
        return left;
    }
  }
  std::string Product() {
    std::string left = Unary();
    while (true) {
      if (Eat("*"))
        left = "(" + left + " * " + Unary() + ")";
      else if (Eat("/"))
        left = "(" + left + "::float8 / NULLIF(" + Unary() + ", 0))";
      else
        return left;
    }
  }
  std::string Unary() {
    if (Eat("-")) return "(-" + Unary() + ")";
    return Primary();
  }
  std::string Primary() {
    Skip();
    if (Eat("(")) {
      std::string inner = Ternary();
      if (!Eat(")")) throw std::runtime_error("')' expected");
      return "(" + inner + ")";
    }
    const std::size_t start = at_;
    while (at_ < text_.size() &&
           (std::isalnum(static_cast<unsigned char>(text_[at_])) || text_[at_] == '_' || text_[at_] == '.')) {
      ++at_;
    }
    const std::string word(text_.substr(start, at_ - start));
    if (word.empty()) throw std::runtime_error("a value expected at " + std::string(text_.substr(start)));
    if (std::isdigit(static_cast<unsigned char>(word[0]))) return word;
    const auto name = names_.find(word);
    if (name == names_.end()) throw std::runtime_error("unknown name " + word);
    return name->second;
  }

  std::string_view text_;
  std::size_t at_ = 0;
  const std::map<std::string, std::string>& names_;
};

std::string Number(double value) {
  char number[64];
  std::snprintf(number, sizeof number, "%.17g", value);
  return number;
}

// One condition as a code, doing what Screener::Judge does: every right the test reads
// that is neither likely nor unlikely is tried as 0 and as 1 (a combination is allowed
// when it agrees with what is decided), and every bounded parameter at its floor and its
// ceiling. All allowed combinations true: holds (3); all false: near at the ceiling (2)
// or fails (0); each holding at one end only: between (2); anything else depends on
// what is open: unknown (1) when an open right is unknown, else a check (2).
std::string ConditionCode(const Right& right, const Condition& condition, const std::map<std::string, std::string>& low,
                          const std::map<std::string, std::string>& high, const Catalog& catalog) {
  const std::string test = Catalog::ExpandTerms(right, condition.test);
  const std::string near = condition.near.empty() ? "" : Catalog::ExpandTerms(right, condition.near);
  std::vector<std::string> read;
  for (const std::string& name : NamesIn(test + " " + near)) {
    if (name.starts_with("right.") && catalog.Find(name.substr(6)) != nullptr &&
        std::ranges::find(read, name) == read.end()) {
      read.push_back(name);
    }
  }
  std::string any_null, all_true, all_between, all_false, all_near, none_near;
  auto join = [](std::string& to, const std::string& joiner, const std::string& part) {
    to += (to.empty() ? "" : joiner) + part;
  };
  for (unsigned combination = 0; combination < (1U << read.size()); ++combination) {
    std::map<std::string, std::string> at_floor = low, at_ceiling = high;
    std::string allowed = "TRUE";
    for (std::size_t i = 0; i < read.size(); ++i) {
      const bool one = (combination >> i) & 1U;
      at_floor[read[i]] = at_ceiling[read[i]] = one ? "1" : "0";
      const std::string code = "r_" + read[i].substr(6);
      allowed += " AND " + code + (one ? " <> 0" : " <> 3");
    }
    const std::string floor = Translator(test, at_floor).Translate();
    const std::string ceiling = Translator(test, at_ceiling).Translate();
    const std::string near_at_ceiling = near.empty() ? "0" : Translator(near, at_ceiling).Translate();
    const std::string a = "(" + allowed + ")";
    join(any_null, " OR ", "(" + a + " AND ((" + floor + ") IS NULL OR (" + ceiling + ") IS NULL))");
    join(all_true, " AND ", "(NOT " + a + " OR ((" + floor + ") <> 0 AND (" + ceiling + ") <> 0))");
    join(all_between, " AND ", "(NOT " + a + " OR ((" + floor + ") <> 0) <> ((" + ceiling + ") <> 0))");
    join(all_false, " AND ", "(NOT " + a + " OR ((" + floor + ") = 0 AND (" + ceiling + ") = 0))");
    join(all_near, " AND ", "(NOT " + a + " OR (" + near_at_ceiling + ") <> 0)");
    join(none_near, " AND ", "(NOT " + a + " OR NOT ((" + near_at_ceiling + ") <> 0))");
  }
  std::string open_unknown = "FALSE";
  for (const std::string& name : read) open_unknown += " OR r_" + name.substr(6) + " = 1";
  return "(CASE WHEN " + any_null + " THEN 1 WHEN " + all_true + " THEN 3 WHEN " + all_between + " THEN 2 WHEN (" +
         all_false + ") AND (" + all_near + ") THEN 2 WHEN (" + all_false + ") AND (" + none_near + ") THEN 0 WHEN " +
         open_unknown + " THEN 1 ELSE 2 END)";
}

std::string Query(const Catalog& catalog, const Date& date) {
  // A parameter with no figure on the date that is only ever indexed upwards lies between
  // the screener's bounds: its floor in `low`, its ceiling in `high`.
  auto screener = Screener::Create(catalog, date);
  if (!screener) throw std::runtime_error(screener.error().message());
  std::map<std::string, std::string> low, high;
  for (const FactInfo& fact : Facts()) low[std::string(fact.name)] = Column(fact.name);
  for (std::size_t p = 0; p < catalog.parameters().size(); ++p) {
    const Parameter& parameter = catalog.parameters()[p];
    const ParameterValue* value = parameter.At(date);
    if (const FigureBounds* bounds = screener->Bounds(p)) {
      low[parameter.id] = Number(bounds->last->value);
      high[parameter.id] = Number(bounds->high);
    } else {
      low[parameter.id] = value ? Number(value->value) : "NULL::float8";
    }
  }
  for (const auto& [name, sql] : low) high.emplace(name, sql);
  // Levels: each right in the first select after the rights it reads.
  std::map<std::string, int> level;
  std::vector<std::vector<std::string>> levels;
  for (int r : catalog.evaluation_order()) {
    const Right& right = catalog.rights()[r];
    int own = 0;
    std::string routes;
    for (const Route& route : right.routes) {
      std::string conditions;
      for (const Condition& condition : route.conditions) {
        std::string code = "2";
        if (!condition.test.empty()) {
          const std::string expanded = Catalog::ExpandTerms(right, condition.test);
          for (const auto& [id, depth] : level) {
            if (expanded.find("right." + id) != std::string::npos) own = std::max(own, depth + 1);
          }
          code = ConditionCode(right, condition, low, high, catalog);
        }
        conditions += (conditions.empty() ? "" : ", ") + code;
      }
      routes += (routes.empty() ? "" : ", ") + ("LEAST(" + conditions + ", 3)");
    }
    level[right.id] = own;
    if (static_cast<int>(levels.size()) <= own) levels.resize(own + 1);
    levels[own].push_back("GREATEST(" + routes + ", 0) AS r_" + right.id);
  }
  std::string from = "facts";
  for (std::size_t l = 0; l < levels.size(); ++l) {
    std::string columns;
    for (const std::string& column : levels[l]) columns += ",\n  " + column;
    // OFFSET 0 keeps each level a subquery of its own: flattened, PostgreSQL would copy a
    // right's whole expression into every later right that reads it, and planning grows
    // exponentially with the chain (hours for 1,000 households).
    from = "(SELECT *" + columns + "\nFROM " + from + " OFFSET 0) AS level" + std::to_string(l);
  }
  std::string sums;
  for (const Right& right : catalog.rights()) {
    sums += (sums.empty() ? "" : ",\n  ") + ("sum(r_" + right.id + ") AS sum_" + right.id);
  }
  return "SELECT count(*) AS households,\n  " + sums + "\nFROM " + from + ";\n";
}

}  // namespace
}  // namespace zoneatlas::rights

int main(int argc, char** argv) {
  using namespace zoneatlas;
  using namespace zoneatlas::rights;
  if (argc != 4) {
    std::cerr << "usage: rights_peer DATE HOUSEHOLDS OUT_DIR\n";
    return 2;
  }
  const auto date = Date::Parse(argv[1]);
  auto catalog = Catalog::Shipped();
  if (!date || !catalog) {
    std::cerr << "rights_peer: bad date or catalog\n";
    return 1;
  }
  const std::string out = argv[3];
  std::ofstream facts(out + "/facts.csv");
  facts << std::setprecision(17);
  std::ofstream schema(out + "/schema.sql");
  schema << "CREATE TABLE facts (";
  for (std::size_t f = 0; f < Facts().size(); ++f) {
    schema << (f ? ", " : "") << Column(Facts()[f].name) << " float8";
  }
  schema << ");\n";
  for (const FactValues& household : SyntheticHouseholds(std::atoi(argv[2]), *date)) {
    for (std::size_t f = 0; f < Facts().size(); ++f) {
      if (f) facts << ',';
      if (household.Known(static_cast<int>(f))) facts << household.values[f];
    }
    facts << '\n';
  }
  try {
    std::ofstream(out + "/query.sql") << Query(*catalog, *date);
  } catch (const std::exception& error) {
    std::cerr << "rights_peer: " << error.what() << "\n";
    return 1;
  }
  return 0;
}
