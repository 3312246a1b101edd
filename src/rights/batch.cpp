#include "rights/batch.hpp"

#include <charconv>
#include <cmath>
#include <functional>
#include <istream>
#include <ostream>
#include <unordered_set>

#include "core/text.hpp"
#include "platform/formats/csv.hpp"
#include "rights/explain.hpp"
#include "rights/screen.hpp"

namespace zoneatlas::rights {
namespace {

constexpr std::size_t kMaxProblems = 50;
constexpr int kOldestAge = 120;

enum Column {
  kHousehold,
  kPerson,
  kRole,
  kBirthDate,
  kIncome,
  kIncomeKind,
  kStatuses,
  kMunicipality,
  kCurrentIncome,
  kColumns
};
constexpr std::string_view kColumnNames[kColumns] = {
    "household_id",          "person_id",   "role",     "birth_date",
    "gross_taxable_income",  "income_kind", "statuses", "municipality_nis",
    "current_monthly_income"};
// A monthly income now of more than this many times last year's (per month) is taken
// for a mistake (a yearly amount in the monthly column), not for a fact.
constexpr double kLargestRiseOfIncome = 10;

// Reads households, a group of consecutive rows with one household_id, and says what is
// wrong with each row.
class HouseholdReader {
 public:
  HouseholdReader(std::istream& input, const Date& date, std::vector<std::string>& problems)
      : csv_(input), date_(date), problems_(problems) {}

  Status Start() {
    auto header = csv_.Header();
    if (!header) return Fail(header.error());
    for (int column = 0; column < kColumns; ++column) {
      for (std::size_t i = 0; i < header->size(); ++i) {
        if (text::AsciiLower((*header)[i]) == kColumnNames[column]) index_[column] = static_cast<int>(i);
      }
    }
    std::string missing;
    for (int column : {kHousehold, kPerson, kRole}) {
      if (index_[column] < 0) missing += (missing.empty() ? "" : ", ") + std::string(kColumnNames[column]);
    }
    if (!missing.empty()) return Fail(Error::InvalidArgument("line 1: the header lacks the column(s) " + missing));
    return {};
  }

  // The next household into `household`; false at the end. Rows with problems add to
  // the problems and are left out of the household.
  Result<bool> Next(Household& household) {
    household = Household{};
    bool started = false;
    const std::size_t problems_before = problems_.size();
    while (true) {
      if (!pending_) {
        auto read = csv_.Next(record_);
        if (!read) return Fail(read.error());
        if (!*read) break;
        ++persons_;
        pending_ = true;
      }
      const std::string_view id = Field(kHousehold);
      if (started && id != household.id) break;  // The row starts the next household.
      if (!started) {
        started = true;
        household.id = std::string(id);
        household_line_ = record_.line;
        if (id.empty())
          Problem(kHousehold, "is empty");
        else if (!finished_.insert(household.id).second) {
          Problem(kHousehold,
                  "appears again after other households: keep a household's rows together (sort by "
                  "household_id)");
        }
      }
      pending_ = false;
      Person person;
      std::optional<int> nis;
      if (ReadPerson(person, nis)) household.members.push_back(std::move(person));
      if (nis) {
        if (household.municipality_nis && *household.municipality_nis != *nis) {
          Problem(kMunicipality, "differs from the household's other rows");
        }
        household.municipality_nis = nis;
      }
    }
    if (!started) return false;
    if (problems_.size() == problems_before) CheckHousehold(household);
    return true;
  }

  long persons() const { return persons_; }

 private:
  std::string_view Field(int column) const {
    if (index_[column] < 0 || static_cast<std::size_t>(index_[column]) >= record_.fields.size()) return {};
    return text::Trim(record_.fields[index_[column]]);
  }

  void Problem(int column, std::string_view message) {
    if (problems_.size() < kMaxProblems) {
      problems_.push_back("line " + std::to_string(record_.line) + ", column " + std::string(kColumnNames[column]) +
                          ": " + std::string(message));
    } else {
      overflow_ = true;
    }
  }

  // The amount in `text`, or nothing with a problem when it is not a number of at least 0.
  std::optional<double> Amount(int column, std::string_view text, std::string_view unit) {
    const auto amount = text::ParseDecimal(text);
    if (!amount || !std::isfinite(*amount)) {
      Problem(column, "'" + std::string(text) + "' is not an amount " + std::string(unit));
      return std::nullopt;
    }
    if (*amount < 0) {
      Problem(column, std::string(text) + " is negative");
      return std::nullopt;
    }
    return amount;
  }

  bool ReadPerson(Person& person, std::optional<int>& nis) {
    const std::size_t before = problems_.size();
    person.id = std::string(Field(kPerson));
    if (person.id.empty()) Problem(kPerson, "is empty");
    if (auto role = ParseRole(Field(kRole)))
      person.role = *role;
    else
      Problem(kRole, "'" + std::string(Field(kRole)) + "' is not applicant, partner, child or other");
    if (const auto text = Field(kBirthDate); !text.empty()) {
      auto birth = Date::Parse(text);
      if (!birth)
        Problem(kBirthDate, "'" + std::string(text) + "' is not a date (YYYY-MM-DD)");
      else if (date_ < *birth)
        Problem(kBirthDate, std::string(text) + " is after the screening date");
      else if (birth->year() < date_.year() - kOldestAge) {
        Problem(kBirthDate, std::string(text) + " would make the person older than 120");
      } else {
        person.birth_date = *birth;
      }
    }
    if (const auto text = Field(kIncome); !text.empty()) person.gross_taxable_income = Amount(kIncome, text, "in euro");
    if (const auto text = Field(kCurrentIncome); !text.empty()) {
      const auto amount = Amount(kCurrentIncome, text, "in euro a month");
      if (amount && person.gross_taxable_income && *person.gross_taxable_income > 0 &&
          12 * *amount > kLargestRiseOfIncome * *person.gross_taxable_income) {
        Problem(kCurrentIncome, std::string(text) +
                                    " a month is more than ten times last year's income (gross_taxable_income); give "
                                    "the amount of one month");
      } else {
        person.current_monthly_income = amount;
      }
    }
    if (const auto text = Field(kIncomeKind); !text.empty()) {
      if (auto kind = ParseIncomeKind(text))
        person.income_kind = *kind;
      else {
        Problem(kIncomeKind, "'" + std::string(text) +
                                 "' is not work, unemployment, sickness, pension, disability, leefloon or none");
      }
    }
    if (index_[kStatuses] >= 0) {
      StatusSet statuses = 0;
      for (std::string_view rest = Field(kStatuses); !rest.empty();) {
        const std::size_t end = rest.find_first_of(";,");
        const std::string_view word = text::Trim(rest.substr(0, end));
        rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
        if (word.empty()) continue;
        if (auto status = ParseStatus(word))
          statuses |= StatusSet{1} << static_cast<int>(*status);
        else
          Problem(kStatuses, "'" + std::string(word) + "' is not a status word (see zoneatlas rights screen --help)");
      }
      person.statuses = statuses;
    }
    if (const auto text = Field(kMunicipality); !text.empty()) {
      int code = 0;
      const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), code);
      if (error != std::errc() || end != text.data() + text.size() || !RegionOfMunicipality(code)) {
        Problem(kMunicipality, "'" + std::string(text) + "' is not the five-digit NIS code of a Belgian municipality");
      } else {
        nis = code;
      }
    }
    return problems_.size() == before && !overflow_;
  }

  void CheckHousehold(const Household& household) {
    int applicants = 0, partners = 0;
    for (const Person& person : household.members) {
      applicants += person.role == Role::kApplicant;
      partners += person.role == Role::kPartner;
    }
    const std::string where = "line " + std::to_string(household_line_) + ", column role: household " + household.id;
    if (problems_.size() >= kMaxProblems) return;
    if (applicants != 1)
      problems_.push_back(where + " has " + std::to_string(applicants) + " applicants; it needs one");
    else if (partners > 1)
      problems_.push_back(where + " has " + std::to_string(partners) + " partners; at most one");
  }

  formats::CsvReader csv_;
  Date date_;
  std::vector<std::string>& problems_;
  int index_[kColumns] = {-1, -1, -1, -1, -1, -1, -1, -1, -1};
  formats::CsvRecord record_;
  bool pending_ = false;
  bool overflow_ = false;
  int household_line_ = 0;
  long persons_ = 0;
  std::unordered_set<std::string> finished_;
};

Status Refuse(const std::vector<std::string>& problems) {
  std::string message;
  for (const std::string& problem : problems) message += problem + "\n";
  if (problems.size() >= kMaxProblems) message += "(only the first " + std::to_string(kMaxProblems) + " problems)\n";
  message.pop_back();
  return Fail(Error::InvalidArgument(std::move(message)));
}

}  // namespace

Result<BatchCounts> CheckBatch(std::istream& input, const Date& date) {
  std::vector<std::string> problems;
  HouseholdReader reader(input, date, problems);
  if (auto started = reader.Start(); !started) return Fail(started.error());
  BatchCounts counts;
  Household household;
  while (true) {
    auto next = reader.Next(household);
    if (!next) return Fail(next.error());
    if (!*next) break;
    ++counts.households;
  }
  if (!problems.empty()) return Fail(Refuse(problems).error());
  counts.persons = reader.persons();
  return counts;
}

namespace {

// Calls `each` with every household of `input` until it returns false. Stops at the first
// bad row with its problem.
Status ReadHouseholds(std::istream& input, const Date& date, const std::function<bool(const Household&)>& each) {
  std::vector<std::string> problems;
  HouseholdReader reader(input, date, problems);
  if (auto started = reader.Start(); !started) return started;
  Household household;
  while (true) {
    auto next = reader.Next(household);
    if (!next) return Fail(next.error());
    if (!problems.empty()) return Refuse(problems);
    if (!*next) return {};
    if (!each(household)) return {};
  }
}

}  // namespace

Result<BatchCounts> ScreenBatch(std::istream& input, std::ostream& output, const Catalog& catalog,
                                const view::Catalog& messages, const Date& date, Language language) {
  auto screener = Screener::Create(catalog, date);
  if (!screener) return Fail(screener.error());
  const std::vector<int> order = PresentationOrder(catalog);
  std::vector<RightResult> results;
  BatchCounts counts;
  output << formats::CsvLine({"household_id", "right_id", "outcome", "reason", "missing_facts"});
  auto done = ReadHouseholds(input, date, [&](const Household& household) {
    ++counts.households;
    counts.persons += static_cast<long>(household.members.size());
    screener->Screen(ComputeFacts(household, date), results);
    for (int r : order) {
      const Right& right = catalog.rights()[r];
      std::string missing;
      for (const std::string& input_field : MissingInputs(results[r])) {
        missing += (missing.empty() ? "" : ";") + input_field;
      }
      output << formats::CsvLine({household.id, right.id, std::string(OutcomeName(results[r].outcome)),
                                  Reason(*screener, messages, right, results[r], language), missing});
      ++counts.results;
    }
    return output.good();  // Whoever reads it has gone: stop screening.
  });
  if (!done) return Fail(done.error());
  if (!output.good()) return Fail(Error::Unavailable("the results could not be written"));
  return counts;
}

std::string BatchFormatHelp() {
  std::string help =
      "Input: CSV, one row per person, the rows of a household together; ',' or ';' between fields.\n"
      "  household_id          required; the household the person belongs to\n"
      "  person_id             required\n"
      "  role                  required: applicant (one per household), partner (at most one), child, other\n"
      "  birth_date            YYYY-MM-DD; ages are counted on --date\n"
      "  gross_taxable_income  EUR, the person's gross taxable income of the previous calendar year;\n"
      "                        a child's empty income counts as 0, an adult's as unknown\n"
      "  current_monthly_income  EUR a month, what the person has now (net); leefloon, IGO and the\n"
      "                        monthly route of the verhoogde tegemoetkoming look at income now, which after\n"
      "                        a pension, an illness or the end of a benefit can be far below last year's\n"
      "  income_kind           work, unemployment, sickness, pension, disability, leefloon or none\n"
      "  statuses              words separated by ';' (quote the field when ';' also separates fields);\n"
      "                        an empty cell means none of them:\n";
  for (int status = 0; status < static_cast<int>(SocialStatus::kCount); ++status) {
    std::string word(StatusWord(static_cast<SocialStatus>(status)));
    word.resize(std::max<std::size_t>(word.size(), 24), ' ');
    help += "    " + word + std::string(StatusMeaning(static_cast<SocialStatus>(status))) + "\n";
  }
  help +=
      "  municipality_nis      the NIS code of the municipality of residence (e.g. 23027 for Halle)\n"
      "A missing optional column means unknown for everyone; an empty cell, unknown for that person.\n"
      "Other columns are ignored.\n"
      "Output: CSV with household_id, right_id, outcome (likely, possible, unlikely, unknown), reason\n"
      "(plain language, in --language) and missing_facts (the input columns that would settle it).\n"
      "The whole file is checked first; if any row is wrong, nothing is written and every problem is\n"
      "listed by line and column.\n";
  return help;
}

}  // namespace zoneatlas::rights
