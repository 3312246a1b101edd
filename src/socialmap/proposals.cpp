#include "socialmap/proposals.hpp"

#include <boost/json.hpp>
#include <map>

#include "core/random.hpp"
#include "socialmap/hsds.hpp"

namespace zoneatlas::socialmap {
namespace {

namespace json = boost::json;
using db::Row;
using db::Value;

// Community resources belong to no organisation of their own; HSDS wants one.
constexpr std::string_view kCommunityOrganization = "community";

constexpr const char* kProposalColumns =
    "id, kind, service_id, organization_id, proposed, message, community, status, proposed_by, proposed_by_label,"
    " proposed_at, reviewed_by_label, reviewed_at, review_comment";

std::optional<ProposalKind> ParseKind(std::string_view name) {
  for (ProposalKind kind : {ProposalKind::kChange, ProposalKind::kNew, ProposalKind::kReport}) {
    if (ProposalKindName(kind) == name) return kind;
  }
  return std::nullopt;
}

// The name and municipalities of a proposal that no longer reads as a service, taken from
// its HSDS text without the rules it fails.
void ReadWhatStillReads(std::string_view content, Proposal& proposal) {
  boost::system::error_code failed;
  const json::value parsed = json::parse(content, failed);
  if (failed || !parsed.is_object()) return;
  const json::object& service = parsed.get_object();
  if (const auto* name = service.if_contains("name"); name && name->is_string()) {
    proposal.unreadable_name = std::string(name->get_string());
  }
  const auto codes_in = [&](std::string_view list, auto&& code_of) {
    const auto* entries = service.if_contains(list);
    if (!entries || !entries->is_array()) return;
    for (const json::value& entry : entries->get_array()) {
      if (!entry.is_object()) continue;
      if (const json::value* code = code_of(entry.get_object()); code && code->is_string()) {
        proposal.unreadable_area_codes.emplace_back(code->get_string());
      }
    }
  };
  codes_in("service_areas", [](const json::object& area) { return area.if_contains("name"); });
  codes_in("service_at_locations", [](const json::object& at) -> const json::value* {
    const json::value* location = at.if_contains("location");
    if (!location || !location->is_object()) return nullptr;
    const json::value* extension = location->get_object().if_contains("zoneatlas");
    if (!extension || !extension->is_object()) return nullptr;
    return extension->get_object().if_contains("municipality_code");
  });
}

std::optional<ProposalStatus> ParseStatus(std::string_view name) {
  for (ProposalStatus status :
       {ProposalStatus::kPending, ProposalStatus::kPublished, ProposalStatus::kSentBack, ProposalStatus::kClosed}) {
    if (ProposalStatusName(status) == name) return status;
  }
  return std::nullopt;
}

// What the audit trail keeps of a proposal.
std::string Summary(const Proposal& proposal) {
  return json::serialize(json::object{{"kind", ProposalKindName(proposal.kind)},
                                      {"service_id", proposal.service_id},
                                      {"organization_id", proposal.organization_id},
                                      {"status", ProposalStatusName(proposal.status)},
                                      {"message", proposal.message},
                                      {"review_comment", proposal.review_comment}});
}

}  // namespace

std::string_view ProposalKindName(ProposalKind kind) {
  switch (kind) {
    case ProposalKind::kChange:
      return "change";
    case ProposalKind::kNew:
      return "new";
    case ProposalKind::kReport:
      return "report";
  }
  return "change";
}

std::string_view ProposalStatusName(ProposalStatus status) {
  switch (status) {
    case ProposalStatus::kPending:
      return "pending";
    case ProposalStatus::kPublished:
      return "published";
    case ProposalStatus::kSentBack:
      return "sent_back";
    case ProposalStatus::kClosed:
      return "closed";
  }
  return "pending";
}

Proposal NewProposal(ProposalKind kind, std::string service_id, std::string organization_id,
                     std::optional<Service> service, std::optional<Location> location, std::string message,
                     bool community) {
  Proposal proposal;
  proposal.kind = kind;
  proposal.service_id = std::move(service_id);
  proposal.organization_id = std::move(organization_id);
  proposal.service = std::move(service);
  proposal.location = std::move(location);
  proposal.message = std::move(message);
  proposal.community = community;
  return proposal;
}

Result<std::string> Proposals::Submit(Proposal proposal, const audit::Context& context) {
  proposal.id = RandomHex(12);
  proposal.status = ProposalStatus::kPending;
  proposal.proposed_by = context.actor;
  proposal.proposed_at = context.When();
  std::optional<std::string> content;
  if (proposal.service) {
    // The whole service as an HSDS file would carry it, so that publishing reads it back
    // with an import's checks.
    Organization organization{.id = proposal.service->organization_id,
                              .name = "",
                              .description = {},
                              .website = {},
                              .email = {},
                              .phone = {}};
    if (auto found = store_.FindOrganization(organization.id)) {
      organization = *found;
    } else if (!found.error().Is(ErrorCode::kNotFound)) {
      return Fail(found.error());
    }
    if (organization.name.empty()) organization.name = organization.id;
    auto existing = store_.Locations(proposal.service->location_ids);
    if (!existing) return Fail(existing.error());
    std::map<std::string, const Location*> locations;
    for (const Location& location : *existing) locations[location.id] = &location;
    if (proposal.location) locations[proposal.location->id] = &*proposal.location;
    content =
        json::serialize(ServiceJson(*proposal.service, &organization, locations, Language::kNl, Readers::kInternal));
  }
  auto saved = database_.InTransaction([&](db::Connection& connection) -> Status {
    auto inserted = connection.Execute(
        std::string("INSERT INTO sm_proposals (") + kProposalColumns +
            ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        {proposal.id, std::string(ProposalKindName(proposal.kind)), proposal.service_id, proposal.organization_id,
         content ? Value(*content) : Value(), proposal.message, static_cast<long long>(proposal.community ? 1 : 0),
         std::string(ProposalStatusName(proposal.status)), proposal.proposed_by.id, proposal.proposed_by.label,
         static_cast<long long>(proposal.proposed_at), std::string(), Value(), std::string()});
    if (!inserted) return Fail(inserted.error());
    return audit::Record(connection, context, "socialmap_proposal", proposal.id, std::nullopt, Summary(proposal),
                         std::nullopt);
  });
  if (!saved) return Fail(saved.error());
  return proposal.id;
}

Result<Proposal> Proposals::ProposalOf(const Row& row) const {
  Proposal proposal;
  proposal.id = row.Text(0);
  proposal.kind = ParseKind(row.Text(1)).value_or(ProposalKind::kReport);
  proposal.service_id = row.Text(2);
  proposal.organization_id = row.Text(3);
  if (const auto content = row.OptionalText(4)) {
    geo::ImportReport report;
    SocialMap map = ParseHsdsJson(
        *content, taxonomy_, [](std::string_view code) { return std::optional<std::string>(code); }, report);
    if (!report.ok() || map.services.size() != 1) {
      proposal.unreadable =
          report.ok() ? "it holds " + std::to_string(map.services.size()) + " services" : report.Describe();
      ReadWhatStillReads(*content, proposal);
    } else {
      proposal.service = std::move(map.services.front());
      auto known = store_.Locations(proposal.service->location_ids);
      if (!known) return Fail(known.error());
      // The place the proposal adds or changes: the one that is not as stored.
      for (Location& location : map.locations) {
        const bool unchanged =
            std::any_of(known->begin(), known->end(), [&](const Location& other) { return other == location; });
        if (!unchanged) proposal.location = std::move(location);
      }
    }
  }
  proposal.message = row.Text(5);
  proposal.community = row.Integer(6) != 0;
  proposal.status = ParseStatus(row.Text(7)).value_or(ProposalStatus::kClosed);
  proposal.proposed_by = {row.Text(8), row.Text(9)};
  proposal.proposed_at = row.Integer(10);
  proposal.reviewed_by = row.Text(11);
  if (!row.IsNull(12)) proposal.reviewed_at = row.Integer(12);
  proposal.review_comment = row.Text(13);
  return proposal;
}

Result<std::vector<Proposal>> Proposals::Load(const std::string& where, std::vector<db::Value> parameters) const {
  auto rows = database_.WithConnection([&](db::Connection& connection) {
    return connection.Query(std::string("SELECT ") + kProposalColumns + " FROM sm_proposals " + where, parameters);
  });
  if (!rows) return Fail(rows.error());
  std::vector<Proposal> proposals;
  for (const Row& row : *rows) {
    auto proposal = ProposalOf(row);
    if (!proposal) return Fail(proposal.error());
    proposals.push_back(std::move(*proposal));
  }
  return proposals;
}

Result<Proposal> Proposals::Find(const std::string& id) const {
  auto found = Load("WHERE id = ?", {id});
  if (!found) return Fail(found.error());
  if (found->empty()) return Fail(Error::NotFound("no proposal " + id));
  return std::move(found->front());
}

Result<std::vector<Proposal>> Proposals::Pending() const {
  return Load("WHERE status = 'pending' ORDER BY proposed_at, id", {});
}

Result<std::vector<Proposal>> Proposals::ProposedBy(const std::string& user_id, int limit) const {
  return Load("WHERE proposed_by = ? ORDER BY proposed_at DESC, id LIMIT ?", {user_id, static_cast<long long>(limit)});
}

Status Proposals::Review(db::Connection& connection, const Proposal& proposal, ProposalStatus status,
                         const std::string& comment, const audit::Context& context) {
  // Only a pending proposal changes, even when two reviewers press at once.
  auto updated = connection.Query(
      "UPDATE sm_proposals SET status = ?, reviewed_by_label = ?, reviewed_at = ?, review_comment = ?"
      " WHERE id = ? AND status = 'pending' RETURNING id",
      {std::string(ProposalStatusName(status)), context.actor.label, static_cast<long long>(context.When()), comment,
       proposal.id});
  if (!updated) return Fail(updated.error());
  if (updated->empty()) return Fail(Error::FailedPrecondition("this proposal has already been reviewed"));
  Proposal after = proposal;
  after.status = status;
  after.review_comment = comment;
  return audit::Record(connection, context, "socialmap_proposal", proposal.id, Summary(proposal), Summary(after),
                       std::nullopt);
}

Status Proposals::Publish(const std::string& id, const Date& today, const std::string& comment,
                          const audit::Context& context) {
  auto proposal = Find(id);
  if (!proposal) return Fail(proposal.error());
  if (proposal->status != ProposalStatus::kPending) {
    return Fail(Error::FailedPrecondition("this proposal has already been reviewed"));
  }
  if (proposal->proposed_by.id == context.actor.id) {
    return Fail(Error::PermissionDenied("a proposal is reviewed by someone other than its author"));
  }
  return PublishFound(*proposal, today, comment, context);
}

Result<std::string> Proposals::SubmitPublished(Proposal proposal, const Date& today, const audit::Context& context) {
  auto id = Submit(std::move(proposal), context);
  if (!id) return Fail(id.error());
  auto submitted = Find(*id);
  if (!submitted) return Fail(submitted.error());
  if (auto published = PublishFound(*submitted, today, "", context); !published) return Fail(published.error());
  return id;
}

Status Proposals::PublishFound(const Proposal& found, const Date& today, const std::string& comment,
                               const audit::Context& context) {
  const Proposal* proposal = &found;
  if (!proposal->unreadable.empty()) {
    return Fail(Error::FailedPrecondition("this proposal no longer reads as a service (" + proposal->unreadable +
                                          "); send it back"));
  }
  if (!proposal->service) {
    return database_.InTransaction([&](db::Connection& connection) {
      return Review(connection, *proposal, ProposalStatus::kClosed, comment, context);
    });
  }
  Service service = *proposal->service;
  service.last_verified = today;
  service.verified_by = context.actor.label;
  if (service.community) {
    service.expires_on = Date::FromDaysSinceEpoch(today.DaysSinceEpoch() + Store::kCommunityLifeDays);
  }
  std::optional<std::string> before;
  if (auto current = store_.FindService(service.id)) {
    before = json::serialize(ServiceJson(*current, nullptr, {}, Language::kNl, Readers::kInternal));
  } else if (!current.error().Is(ErrorCode::kNotFound)) {
    return Fail(current.error());
  }
  SocialMap map;
  if (auto organization = store_.FindOrganization(service.organization_id); !organization) {
    if (!organization.error().Is(ErrorCode::kNotFound)) return Fail(organization.error());
    if (service.organization_id != kCommunityOrganization) {
      return Fail(Error::FailedPrecondition("organization " + service.organization_id + " no longer exists"));
    }
    map.organizations.push_back({.id = std::string(kCommunityOrganization),
                                 .name = "Buurtinitiatieven · Initiatives citoyennes",
                                 .description = {},
                                 .website = {},
                                 .email = {},
                                 .phone = {}});
  }
  if (proposal->location) map.locations.push_back(*proposal->location);
  map.services.push_back(service);
  const std::string after = json::serialize(ServiceJson(service, nullptr, {}, Language::kNl, Readers::kInternal));
  return database_.InTransaction([&](db::Connection& connection) -> Status {
    if (auto saved = Store::Save(connection, map, context, ""); !saved) return Fail(saved.error());
    if (auto recorded =
            audit::Record(connection, context, "socialmap_service", service.id, before, after, std::nullopt);
        !recorded) {
      return recorded;
    }
    return Review(connection, *proposal, ProposalStatus::kPublished, comment, context);
  });
}

Status Proposals::SendBack(const std::string& id, const std::string& comment, const audit::Context& context) {
  if (comment.find_first_not_of(" \t\r\n") == std::string::npos) {
    return Fail(Error::InvalidArgument("say what should change before sending a proposal back"));
  }
  auto proposal = Find(id);
  if (!proposal) return Fail(proposal.error());
  if (proposal->proposed_by.id == context.actor.id) {
    return Fail(Error::PermissionDenied("a proposal is reviewed by someone other than its author"));
  }
  return database_.InTransaction([&](db::Connection& connection) {
    return Review(connection, *proposal, ProposalStatus::kSentBack, comment, context);
  });
}

}  // namespace zoneatlas::socialmap
