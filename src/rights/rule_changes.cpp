#include "rights/rule_changes.hpp"

#include <boost/json.hpp>

#include "core/random.hpp"

namespace zoneatlas::rights {
namespace {

namespace json = boost::json;

constexpr const char* kColumns =
    "id, right_id, definition, note, status, proposed_by, proposed_by_label, proposed_at, reviewed_by_label,"
    " reviewed_at, review_comment";

// What the audit trail keeps of a proposal: the whole definition, so that the history
// shows what was decided.
std::string Summary(const RuleProposal& proposal) {
  return json::serialize(json::object{{"right", proposal.change.right_id},
                                      {"definition", proposal.change.definition},
                                      {"note", proposal.note},
                                      {"status", FigureStatusName(proposal.status)},
                                      {"review_comment", proposal.review_comment}});
}

}  // namespace

Result<std::string> RuleChanges::Propose(RuleProposal proposal, const audit::Context& context) {
  proposal.id = RandomHex(12);
  proposal.status = FigureStatus::kPending;
  proposal.proposed_by = context.actor;
  proposal.proposed_at = context.When();
  auto saved = database_.InTransaction([&](db::Connection& connection) -> Status {
    auto inserted = connection.Execute(
        std::string("INSERT INTO rights_rule_changes (") + kColumns + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        {proposal.id, proposal.change.right_id, proposal.change.definition, proposal.note,
         std::string(FigureStatusName(proposal.status)), proposal.proposed_by.id, proposal.proposed_by.label,
         static_cast<long long>(proposal.proposed_at), std::string(), db::Value(), std::string()});
    if (!inserted) return Fail(inserted.error());
    return audit::Record(connection, context, "rights_rule", proposal.id, std::nullopt, Summary(proposal),
                         std::nullopt);
  });
  if (!saved) return Fail(saved.error());
  return proposal.id;
}

Result<std::vector<RuleProposal>> RuleChanges::Load(const std::string& where,
                                                    const std::vector<db::Value>& parameters) const {
  auto rows = database_.WithConnection([&](db::Connection& connection) {
    return connection.Query(std::string("SELECT ") + kColumns + " FROM rights_rule_changes " + where, parameters);
  });
  if (!rows) return Fail(rows.error());
  std::vector<RuleProposal> proposals;
  for (const db::Row& row : *rows) {
    RuleProposal proposal;
    proposal.id = row.Text(0);
    proposal.change = {row.Text(1), row.Text(2)};
    proposal.note = row.Text(3);
    const std::string status = row.Text(4);
    proposal.status = status == "pending"     ? FigureStatus::kPending
                      : status == "published" ? FigureStatus::kPublished
                                              : FigureStatus::kSentBack;
    proposal.proposed_by = {row.Text(5), row.Text(6)};
    proposal.proposed_at = row.Integer(7);
    proposal.reviewed_by = row.Text(8);
    if (!row.IsNull(9)) proposal.reviewed_at = row.Integer(9);
    proposal.review_comment = row.Text(10);
    proposals.push_back(std::move(proposal));
  }
  return proposals;
}

Result<RuleProposal> RuleChanges::Find(const std::string& id) const {
  auto found = Load("WHERE id = ?", {id});
  if (!found) return Fail(found.error());
  if (found->empty()) return Fail(Error::NotFound("no proposed rule change " + id));
  return std::move(found->front());
}

Result<std::vector<RuleProposal>> RuleChanges::Pending() const {
  return Load("WHERE status = 'pending' ORDER BY proposed_at, id", {});
}

Result<std::vector<RightChange>> RuleChanges::Published() const {
  auto published = Load("WHERE status = 'published' ORDER BY reviewed_at, id", {});
  if (!published) return Fail(published.error());
  std::vector<RightChange> changes;
  for (RuleProposal& proposal : *published) changes.push_back(std::move(proposal.change));
  return changes;
}

Result<std::string> RuleChanges::DefinitionInForce(const std::string& right_id) const {
  auto published =
      Load("WHERE status = 'published' AND right_id = ? ORDER BY reviewed_at DESC, id DESC LIMIT 1", {right_id});
  if (!published) return Fail(published.error());
  if (!published->empty()) return published->front().change.definition;
  return Catalog::ShippedDefinition(right_id);
}

Status RuleChanges::Review(const std::string& id, FigureStatus status, const std::string& comment,
                           const audit::Context& context) {
  auto proposal = Find(id);
  if (!proposal) return Fail(proposal.error());
  if (proposal->proposed_by.id == context.actor.id) {
    return Fail(Error::FailedPrecondition("a rule is reviewed by someone other than who proposed it"));
  }
  return database_.InTransaction([&](db::Connection& connection) -> Status {
    // Only a pending proposal changes, even when two reviewers press at once.
    auto updated = connection.Query(
        "UPDATE rights_rule_changes SET status = ?, reviewed_by_label = ?, reviewed_at = ?, review_comment = ?"
        " WHERE id = ? AND status = 'pending' RETURNING id",
        {std::string(FigureStatusName(status)), context.actor.label, static_cast<long long>(context.When()), comment,
         id});
    if (!updated) return Fail(updated.error());
    if (updated->empty()) return Fail(Error::FailedPrecondition("this rule change has already been reviewed"));
    RuleProposal after = *proposal;
    after.status = status;
    after.review_comment = comment;
    return audit::Record(connection, context, "rights_rule", id, Summary(*proposal), Summary(after), std::nullopt);
  });
}

Result<Catalog> CatalogInForce(db::Database& database, const std::optional<FigureChange>& figure,
                               const std::optional<RightChange>& definition) {
  auto figures = Figures(database).Published();
  if (!figures) return Fail(figures.error());
  auto definitions = RuleChanges(database).Published();
  if (!definitions) return Fail(definitions.error());
  if (figure) figures->push_back(*figure);
  if (definition) definitions->push_back(*definition);
  return Catalog::Shipped(*figures, *definitions);
}

}  // namespace zoneatlas::rights
