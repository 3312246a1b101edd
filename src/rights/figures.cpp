#include "rights/figures.hpp"

#include <boost/json.hpp>

#include "core/random.hpp"

namespace zoneatlas::rights {
namespace {

namespace json = boost::json;

constexpr const char* kColumns =
    "id, parameter_id, valid_from, valid_until, value, decided, legal_source, source, reliability, known_until, note,"
    " status, proposed_by, proposed_by_label, proposed_at, reviewed_by_label, reviewed_at, review_comment";

std::optional<FigureStatus> ParseFigureStatus(std::string_view name) {
  for (FigureStatus status : {FigureStatus::kPending, FigureStatus::kPublished, FigureStatus::kSentBack}) {
    if (FigureStatusName(status) == name) return status;
  }
  return std::nullopt;
}

Reliability ParseReliability(std::string_view code) {
  for (Reliability reliability :
       {Reliability::kOfficial, Reliability::kPayingBody, Reliability::kSecondary, Reliability::kUnverified}) {
    if (ReliabilityCode(reliability) == code) return reliability;
  }
  return Reliability::kUnverified;
}

Date DateOf(const std::string& iso) { return Date::Parse(iso).value_or(Date::FromDaysSinceEpoch(0)); }

// What the audit trail keeps of a proposal.
std::string Summary(const FigureProposal& proposal) {
  const ParameterValue& figure = proposal.change.value;
  return json::serialize(json::object{{"parameter", proposal.change.parameter_id},
                                      {"from", figure.from.ToIso()},
                                      {"until", figure.until ? figure.until->ToIso() : ""},
                                      {"value", figure.value},
                                      {"source", figure.source},
                                      {"reliability", ReliabilityCode(figure.reliability)},
                                      {"known_until", proposal.change.known_until.ToIso()},
                                      {"status", FigureStatusName(proposal.status)},
                                      {"review_comment", proposal.review_comment}});
}

}  // namespace

std::string_view FigureStatusName(FigureStatus status) {
  switch (status) {
    case FigureStatus::kPending:
      return "pending";
    case FigureStatus::kPublished:
      return "published";
    case FigureStatus::kSentBack:
      break;
  }
  return "sent_back";
}

Result<std::string> Figures::Propose(FigureProposal proposal, const audit::Context& context) {
  proposal.id = RandomHex(12);
  proposal.status = FigureStatus::kPending;
  proposal.proposed_by = context.actor;
  proposal.proposed_at = context.When();
  const ParameterValue& figure = proposal.change.value;
  auto saved = database_.InTransaction([&](db::Connection& connection) -> Status {
    auto inserted = connection.Execute(
        std::string("INSERT INTO rights_figures (") + kColumns +
            ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        {proposal.id, proposal.change.parameter_id, figure.from.ToIso(),
         figure.until ? db::Value(figure.until->ToIso()) : db::Value(), figure.value,
         figure.decided ? db::Value(figure.decided->ToIso()) : db::Value(), figure.legal_source, figure.source,
         std::string(ReliabilityCode(figure.reliability)), proposal.change.known_until.ToIso(), proposal.note,
         std::string(FigureStatusName(proposal.status)), proposal.proposed_by.id, proposal.proposed_by.label,
         static_cast<long long>(proposal.proposed_at), std::string(), db::Value(), std::string()});
    if (!inserted) return Fail(inserted.error());
    return audit::Record(connection, context, "rights_figure", proposal.id, std::nullopt, Summary(proposal),
                         std::nullopt);
  });
  if (!saved) return Fail(saved.error());
  return proposal.id;
}

Result<std::vector<FigureProposal>> Figures::Load(const std::string& where,
                                                  const std::vector<db::Value>& parameters) const {
  auto rows = database_.WithConnection([&](db::Connection& connection) {
    return connection.Query(std::string("SELECT ") + kColumns + " FROM rights_figures " + where, parameters);
  });
  if (!rows) return Fail(rows.error());
  std::vector<FigureProposal> proposals;
  for (const db::Row& row : *rows) {
    FigureProposal proposal;
    proposal.id = row.Text(0);
    proposal.change.parameter_id = row.Text(1);
    ParameterValue& figure = proposal.change.value;
    figure.from = DateOf(row.Text(2));
    if (const auto until = row.OptionalText(3)) figure.until = DateOf(*until);
    figure.value = row.Real(4);
    if (const auto decided = row.OptionalText(5)) figure.decided = DateOf(*decided);
    figure.legal_source = row.Text(6);
    figure.source = row.Text(7);
    figure.reliability = ParseReliability(row.Text(8));
    proposal.change.known_until = DateOf(row.Text(9));
    proposal.note = row.Text(10);
    proposal.status = ParseFigureStatus(row.Text(11)).value_or(FigureStatus::kSentBack);
    proposal.proposed_by = {row.Text(12), row.Text(13)};
    proposal.proposed_at = row.Integer(14);
    proposal.reviewed_by = row.Text(15);
    if (!row.IsNull(16)) proposal.reviewed_at = row.Integer(16);
    proposal.review_comment = row.Text(17);
    proposals.push_back(std::move(proposal));
  }
  return proposals;
}

Result<FigureProposal> Figures::Find(const std::string& id) const {
  auto found = Load("WHERE id = ?", {id});
  if (!found) return Fail(found.error());
  if (found->empty()) return Fail(Error::NotFound("no proposed figure " + id));
  return std::move(found->front());
}

Result<std::vector<FigureProposal>> Figures::Pending() const {
  return Load("WHERE status = 'pending' ORDER BY proposed_at, id", {});
}

Result<std::vector<FigureChange>> Figures::Published() const {
  auto published = Load("WHERE status = 'published' ORDER BY reviewed_at, id", {});
  if (!published) return Fail(published.error());
  std::vector<FigureChange> changes;
  for (FigureProposal& proposal : *published) changes.push_back(std::move(proposal.change));
  return changes;
}

Status Figures::Review(const std::string& id, FigureStatus status, const std::string& comment,
                       const audit::Context& context) {
  auto proposal = Find(id);
  if (!proposal) return Fail(proposal.error());
  if (proposal->proposed_by.id == context.actor.id) {
    return Fail(Error::FailedPrecondition("a figure is reviewed by someone other than who proposed it"));
  }
  return database_.InTransaction([&](db::Connection& connection) -> Status {
    // Only a pending proposal changes, even when two reviewers press at once.
    auto updated = connection.Query(
        "UPDATE rights_figures SET status = ?, reviewed_by_label = ?, reviewed_at = ?, review_comment = ?"
        " WHERE id = ? AND status = 'pending' RETURNING id",
        {std::string(FigureStatusName(status)), context.actor.label, static_cast<long long>(context.When()), comment,
         id});
    if (!updated) return Fail(updated.error());
    if (updated->empty()) return Fail(Error::FailedPrecondition("this figure has already been reviewed"));
    FigureProposal after = *proposal;
    after.status = status;
    after.review_comment = comment;
    return audit::Record(connection, context, "rights_figure", id, Summary(*proposal), Summary(after), std::nullopt);
  });
}

}  // namespace zoneatlas::rights
