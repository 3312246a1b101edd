#include "geo/json_record.hpp"

#include <boost/json.hpp>

namespace zoneatlas::geo {

std::string JsonRecord::Text(std::string_view key, bool required) {
  const boost::json::value* value = object_.if_contains(key);
  if (value == nullptr || value->is_null()) {
    if (required) Problem(key, "is required");
    return {};
  }
  if (!value->is_string()) {
    Problem(key, "must be text");
    return {};
  }
  return std::string(value->as_string());
}

std::vector<std::string> JsonRecord::List(std::string_view key) {
  std::vector<std::string> items;
  const boost::json::value* value = object_.if_contains(key);
  if (value == nullptr || value->is_null()) return items;
  if (value->is_array()) {
    for (const boost::json::value& item : value->as_array()) {
      if (!item.is_string()) {
        Problem(key, "must be a list of texts");
        return {};
      }
      items.emplace_back(item.as_string());
    }
    return items;
  }
  Problem(key, "must be a list of texts");
  return items;
}

std::optional<Date> JsonRecord::Day(std::string_view key, bool required) {
  const std::string text = Text(key, required);
  if (text.empty()) return std::nullopt;
  auto day = Date::Parse(text);
  if (!day) {
    Problem(key, "'" + text + "' is not a date (YYYY-MM-DD)");
    return std::nullopt;
  }
  return *day;
}

Language JsonRecord::LanguageOf(std::string_view key) {
  const std::string code = Text(key, false);
  if (code.empty()) return Language::kNl;
  const auto language = ParseLanguage(code);
  if (!language) Problem(key, "'" + code + "' is not nl, fr or en");
  return language.value_or(Language::kNl);
}

ImportReport StartReport(std::string_view file_name) {
  return ImportReport{.file = std::string(file_name),
                      .rows_read = 0,
                      .rows_imported = 0,
                      .rows_skipped = 0,
                      .problems = {},
                      .warnings = {}};
}

bool JsonRecord::Flag(std::string_view key) {
  const boost::json::value* value = object_.if_contains(key);
  if (value == nullptr || value->is_null()) return false;
  if (!value->is_bool()) Problem(key, "must be true or false");
  return value->is_bool() && value->as_bool();
}

std::optional<double> JsonRecord::Number(std::string_view key) {
  const boost::json::value* value = object_.if_contains(key);
  if (value == nullptr || value->is_null()) return std::nullopt;
  if (!value->is_number()) {
    Problem(key, "must be a number");
    return std::nullopt;
  }
  return value->to_number<double>();
}

void JsonRecord::Problem(std::string_view key, std::string message) {
  report_.problems.push_back({location_, std::string(key), std::move(message)});
}

JsonImportFile::JsonImportFile(std::string_view content, ImportReport& report) : report_(report) {
  boost::system::error_code error;
  root_ = boost::json::parse(content, error);
  if (error || !root_.is_object()) {
    report_.problems.push_back({"file", "", "is not a JSON object" + (error ? ": " + error.message() : "")});
    root_ = nullptr;
  }
}

Status JsonImportFile::ForEach(std::string_view key, std::string_view label, const Visit& visit) {
  if (!parsed()) return {};
  const boost::json::value* list = root_.as_object().if_contains(key);
  if (list == nullptr) return {};
  if (!list->is_array()) {
    report_.problems.push_back({"file", std::string(key), "must be a list"});
    return {};
  }
  for (std::size_t i = 0; i < list->as_array().size(); ++i) {
    const std::string location = std::string(label) + " " + std::to_string(i + 1);
    ++report_.rows_read;
    const boost::json::value& record = list->as_array()[i];
    if (!record.is_object()) {
      report_.problems.push_back({location, "", "must be an object"});
      continue;
    }
    if (auto visited = visit(record.as_object(), location); !visited) return visited;
  }
  return {};
}

void JsonImportFile::Unique(const std::string& id, const std::string& location) {
  if (!id.empty() && !ids_.insert(id).second)
    report_.problems.push_back({location, "id", "'" + id + "' is used twice"});
}

Result<ImportReport> Conclude(ImportReport report, bool dry_run, const std::function<Status()>& write) {
  if (!report.ok() || dry_run) return report;
  if (auto written = write(); !written) {
    if (!written.error().Is(ErrorCode::kInvalidArgument) && !written.error().Is(ErrorCode::kAlreadyExists)) {
      return Fail(written.error());
    }
    report.problems.push_back({"file", "", written.error().message()});
    return report;
  }
  report.rows_imported = report.rows_read;
  return report;
}

}  // namespace zoneatlas::geo
