#include "socialmap/hsds_csv.hpp"

#include <boost/json.hpp>
#include <set>
#include <vector>

#include "platform/formats/csv.hpp"
#include "socialmap/hsds.hpp"

namespace zoneatlas::socialmap {
namespace {

namespace json = boost::json;

struct Table {
  std::string_view name;  // The file is name + ".csv".
  std::vector<std::string_view> columns;
};

// HSDS 3.0's tables and columns, in the order of its own CSV examples, plus "zoneatlas"
// where our extensions live.
const std::vector<Table>& Tables() {
  static const std::vector<Table> tables = {
      {"organizations",
       {"id", "name", "alternate_name", "description", "email", "website", "tax_status", "tax_id", "year_incorporated",
        "legal_status", "logo", "uri", "parent_organization_id", "zoneatlas"}},
      {"services",
       {"id",
        "organization_id",
        "program_id",
        "name",
        "alternate_name",
        "description",
        "url",
        "email",
        "status",
        "interpretation_services",
        "application_process",
        "fees_description",
        "wait_time",
        "fees",
        "accreditations",
        "eligibility_description",
        "minimum_age",
        "maximum_age",
        "assured_date",
        "assurer_email",
        "licenses",
        "alert",
        "last_modified",
        "zoneatlas"}},
      {"locations",
       {"id", "location_type", "url", "organization_id", "name", "alternate_name", "description", "transportation",
        "latitude", "longitude", "external_identifier", "external_identifier_type", "zoneatlas"}},
      {"addresses",
       {"id", "location_id", "attention", "address_1", "address_2", "city", "region", "state_province", "postal_code",
        "country", "address_type"}},
      {"phones",
       {"id", "location_id", "service_id", "organization_id", "contact_id", "service_at_location_id", "number",
        "extension", "type", "description"}},
      {"schedules",
       {"id",
        "service_id",
        "location_id",
        "service_at_location_id",
        "valid_from",
        "valid_to",
        "dtstart",
        "timezone",
        "until",
        "count",
        "wkst",
        "freq",
        "interval",
        "byday",
        "byweekno",
        "bymonthday",
        "byyearday",
        "description",
        "opens_at",
        "closes_at",
        "schedule_link",
        "attending_type",
        "notes",
        "zoneatlas"}},
      {"service_areas", {"id", "service_id", "name", "description", "extent", "extent_type", "uri"}},
      {"service_at_location", {"id", "service_id", "location_id", "description"}},
      {"languages", {"id", "service_id", "location_id", "phone_id", "name", "code", "note"}},
      {"attributes", {"id", "link_id", "taxonomy_term_id", "link_type", "link_entity", "value"}},
      {"taxonomy_terms",
       {"id", "code", "name", "description", "parent_id", "taxonomy", "language", "taxonomy_id", "term_uri"}},
      {"taxonomies", {"id", "name", "description", "uri", "version"}},
  };
  return tables;
}

const Table& TableNamed(std::string_view name) {
  for (const Table& table : Tables()) {
    if (table.name == name) return table;
  }
  return Tables().front();
}

std::string Cell(const json::value* value) {
  if (value == nullptr || value->is_null()) return "";
  if (value->is_string()) return std::string(value->as_string());
  if (value->is_bool()) return value->as_bool() ? "true" : "false";
  return json::serialize(*value);  // Numbers, and the zoneatlas object.
}

// Rows of one table, each id written once.
class Sheet {
 public:
  explicit Sheet(std::string_view name) : table_(TableNamed(name)) {}
  void Add(const json::object& object, const std::map<std::string_view, std::string>& set = {}) {
    const auto given = set.find("id");
    const std::string id = given != set.end() ? given->second : Cell(object.if_contains("id"));
    if (!id.empty() && !ids_.insert(id).second) return;
    std::vector<std::string> fields;
    for (std::string_view column : table_.columns) {
      const auto it = set.find(column);
      fields.push_back(it != set.end() ? it->second : Cell(object.if_contains(column)));
    }
    lines_ += formats::SpreadsheetCsvLine(fields);
  }
  std::string Content() const {
    std::vector<std::string> header(table_.columns.begin(), table_.columns.end());
    return formats::CsvLine(header) + lines_;
  }
  const Table& table() const { return table_; }

 private:
  const Table& table_;
  std::set<std::string> ids_;
  std::string lines_;
};

const json::array& ArrayOf(const json::object& object, std::string_view name) {
  static const json::array empty;
  const json::value* value = object.if_contains(name);
  return value != nullptr && value->is_array() ? value->as_array() : empty;
}

std::string DataPackage() {
  json::array resources;
  for (const Table& table : Tables()) {
    json::array fields;
    for (std::string_view column : table.columns) {
      const bool number = column == "latitude" || column == "longitude";
      json::object field{{"name", column}, {"type", number ? "number" : column == "zoneatlas" ? "object" : "string"}};
      if (column == "zoneatlas") {
        field["description"] = "zoneatlas's extensions (names in nl/fr/en, plain language, cost, walk-in, …) as JSON";
      }
      fields.push_back(std::move(field));
    }
    resources.push_back(json::object{{"name", table.name},
                                     {"path", std::string(table.name) + ".csv"},
                                     {"profile", "tabular-data-resource"},
                                     {"format", "csv"},
                                     {"encoding", "utf-8"},
                                     {"schema", json::object{{"fields", std::move(fields)}, {"primaryKey", "id"}}}});
  }
  return json::serialize(json::object{{"profile", "tabular-data-package"},
                                      {"name", "zoneatlas-social-map"},
                                      {"title", "zoneatlas social map (Open Referral HSDS 3.0)"},
                                      {"resources", std::move(resources)}}) +
         "\n";
}

// A row of a package's table as an object, with its line for problems.
struct TableRow {
  json::object object;
  int line = 0;
};
using Rows = std::vector<TableRow>;

// "phones.csv:12", where a problem is.
std::string Where(std::string_view table, int line) { return std::string(table) + ".csv:" + std::to_string(line); }

Rows ReadTable(const CsvPackage& package, std::string_view name, geo::ImportReport& report) {
  Rows result;
  const std::string file = std::string(name) + ".csv";
  const auto it = package.find(file);
  if (it == package.end()) return result;
  auto table = formats::ParseCsv(it->second, ',');
  if (!table) {
    report.problems.push_back({file, "", table.error().message()});
    return result;
  }
  for (const formats::CsvRecord& record : table->records) {
    TableRow row;
    row.line = record.line;
    for (std::size_t column = 0; column < table->header.size(); ++column) {
      const std::string_view value = table->Field(record, column);
      if (value.empty()) continue;
      const std::string& name_of_column = table->header[column];
      if (name_of_column == "zoneatlas") {
        boost::system::error_code error;
        json::value parsed = json::parse(value, error);
        if (error || !parsed.is_object()) {
          report.problems.push_back({Where(name, record.line), "zoneatlas", "is not a JSON object"});
          continue;
        }
        row.object["zoneatlas"] = std::move(parsed);
      } else {
        row.object[name_of_column] = formats::FromSpreadsheetSafe(value);
      }
    }
    result.push_back(std::move(row));
  }
  return result;
}

std::string Id(const json::object& object, std::string_view field = "id") {
  const json::value* value = object.if_contains(field);
  return value != nullptr && value->is_string() ? std::string(value->as_string()) : "";
}

}  // namespace

CsvPackage WriteHsdsCsv(const SocialMap& map, Language language) {
  std::map<std::string, Sheet> sheets;
  for (const Table& table : Tables()) sheets.emplace(std::string(table.name), Sheet(table.name));
  const json::value services = json::parse(WriteHsdsJson(map, language));
  for (const json::value& item : services.as_array()) {
    const json::object& service = item.as_object();
    const std::string service_id = Id(service);
    sheets.at("services").Add(service);
    if (const json::value* organization = service.if_contains("organization");
        organization && organization->is_object()) {
      sheets.at("organizations").Add(organization->as_object());
    }
    for (const json::value& phone : ArrayOf(service, "phones")) {
      sheets.at("phones").Add(phone.as_object(), {{"service_id", service_id}});
    }
    for (const char* name : {"schedules", "service_areas", "languages"}) {
      for (const json::value& row : ArrayOf(service, name)) sheets.at(name).Add(row.as_object());
    }
    for (const json::value& at : ArrayOf(service, "service_at_locations")) {
      sheets.at("service_at_location").Add(at.as_object());
      const json::value* location = at.as_object().if_contains("location");
      if (location == nullptr || !location->is_object()) continue;
      sheets.at("locations").Add(location->as_object());
      for (const json::value& address : ArrayOf(location->as_object(), "addresses")) {
        sheets.at("addresses").Add(address.as_object(), {{"location_id", Id(location->as_object())}});
      }
    }
    for (const json::value& attribute : ArrayOf(service, "attributes")) {
      const json::object& object = attribute.as_object();
      sheets.at("attributes").Add(object);
      // In the tables a term is found by the attribute's taxonomy_term_id; its code is ours.
      if (const json::value* term = object.if_contains("taxonomy_term"); term && term->is_object()) {
        sheets.at("taxonomy_terms").Add(term->as_object(), {{"id", Id(object, "taxonomy_term_id")}});
      }
    }
  }
  sheets.at("taxonomies")
      .Add(json::object{{"id", kThemeTaxonomy},
                        {"name", "zoneatlas themes"},
                        {"description", "The themes of the primary care zones' needs (data/socialmap/taxonomy.json)"}});
  sheets.at("taxonomies")
      .Add(json::object{{"id", kTargetGroupTaxonomy},
                        {"name", "zoneatlas target groups"},
                        {"description", "Who a service is for (data/socialmap/taxonomy.json)"}});
  CsvPackage package;
  for (const auto& [name, sheet] : sheets) package[name + ".csv"] = sheet.Content();
  package["datapackage.json"] = DataPackage();
  return package;
}

std::string AssembleHsdsCsv(const CsvPackage& package, geo::ImportReport& report) {
  if (!package.contains("services.csv")) {
    report.problems.push_back({"services.csv", "", "the package has no services.csv"});
    return "[]";
  }
  std::map<std::string, Rows> tables;
  for (const Table& table : Tables()) tables.emplace(std::string(table.name), ReadTable(package, table.name, report));
  const auto by_id = [&](const std::string& name) {
    std::map<std::string, const json::object*> index;
    for (const TableRow& row : tables.at(name)) {
      const std::string id = Id(row.object);
      if (id.empty()) {
        report.problems.push_back({Where(name, row.line), "id", "is required"});
      } else if (!index.emplace(id, &row.object).second) {
        report.problems.push_back({Where(name, row.line), "id", "'" + id + "' appears twice"});
      }
    }
    return index;
  };
  const auto organizations = by_id("organizations");
  const auto services = by_id("services");
  const auto terms = by_id("taxonomy_terms");
  std::map<std::string, json::object> locations;
  for (const auto& [id, location] : by_id("locations")) locations[id] = *location;
  // Children go to their parent by its id; a child whose parent is not there is a problem.
  for (const TableRow& row : tables.at("addresses")) {
    const std::string location = Id(row.object, "location_id");
    const auto it = locations.find(location);
    if (location.empty() || it == locations.end()) {
      report.problems.push_back(
          {Where("addresses", row.line), "location_id", "'" + location + "' is not in the package"});
      continue;
    }
    json::value& list = it->second["addresses"];
    if (!list.is_array()) list.emplace_array();
    list.as_array().push_back(row.object);
  }
  std::map<std::string, std::map<std::string, json::array>> children;  // service id → field → rows.
  const auto service_exists = [&](const std::string& id) { return services.contains(id); };
  // Each of these tables is also the service's field of the same name.
  for (const std::string table : {"phones", "schedules", "service_areas", "languages"}) {
    for (const TableRow& row : tables.at(table)) {
      // Phones may belong to an organisation or a location instead; those are not ours.
      if (table == "phones" && Id(row.object, "service_id").empty()) continue;
      const std::string parent = Id(row.object, "service_id");
      if (!service_exists(parent)) {
        report.problems.push_back({Where(table, row.line), "service_id", "'" + parent + "' is not in services.csv"});
        continue;
      }
      children[parent][table].push_back(row.object);
    }
  }
  for (const TableRow& row : tables.at("service_at_location")) {
    const std::string where = Where("service_at_location", row.line);
    const std::string service = Id(row.object, "service_id"), location = Id(row.object, "location_id");
    if (!service_exists(service)) {
      report.problems.push_back({where, "service_id", "'" + service + "' is not in services.csv"});
      continue;
    }
    json::object at = row.object;
    if (const auto it = locations.find(location); it != locations.end()) {
      at["location"] = it->second;
    } else {
      report.problems.push_back({where, "location_id", "'" + location + "' is not in locations.csv"});
      continue;
    }
    children[service]["service_at_locations"].push_back(std::move(at));
  }
  for (const TableRow& row : tables.at("attributes")) {
    const std::string where = Where("attributes", row.line);
    const std::string link = Id(row.object, "link_id"), term = Id(row.object, "taxonomy_term_id");
    if (!service_exists(link)) continue;  // Attributes of other records (organizations, …).
    json::object attribute = row.object;
    if (const auto it = terms.find(term); it != terms.end()) {
      attribute["taxonomy_term"] = *it->second;
    } else {
      report.problems.push_back({where, "taxonomy_term_id", "'" + term + "' is not in taxonomy_terms.csv"});
      continue;
    }
    children[link]["attributes"].push_back(std::move(attribute));
  }
  json::array assembled;
  for (const TableRow& row : tables.at("services")) {
    json::object service = row.object;
    const std::string id = Id(service);
    const std::string organization = Id(service, "organization_id");
    if (const auto it = organizations.find(organization); it != organizations.end()) {
      service["organization"] = *it->second;
    } else if (!organization.empty()) {
      report.problems.push_back(
          {Where("services", row.line), "organization_id", "'" + organization + "' is not in organizations.csv"});
    }
    if (const auto it = children.find(id); it != children.end()) {
      for (auto& [field, rows] : it->second) service[field] = rows;
    }
    assembled.push_back(std::move(service));
  }
  return json::serialize(assembled);
}

}  // namespace zoneatlas::socialmap
