// rights/rule_changes.hpp: changes to how a right is decided — its routes, conditions,
// terms and plain-language texts — proposed by a zone editor as the right's definition in
// the catalog's own format, and published only after another editor reviewed them. A
// published definition is laid over the shipped catalog (Catalog::Shipped(…, rights)).
// Audited.
//
// Thread safety: the database's.
#ifndef ZONEATLAS_RIGHTS_RULE_CHANGES_HPP_
#define ZONEATLAS_RIGHTS_RULE_CHANGES_HPP_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "audit/audit.hpp"
#include "core/error.hpp"
#include "platform/db/database.hpp"
#include "rights/catalog.hpp"
#include "rights/figures.hpp"

namespace zoneatlas::rights {

struct RuleProposal {
  std::string id;
  RightChange change;
  std::string note;  // The proposer's words for the reviewer.
  FigureStatus status = FigureStatus::kPending;
  audit::Actor proposed_by;
  std::int64_t proposed_at = 0;
  std::string reviewed_by;  // The reviewer's label.
  std::optional<std::int64_t> reviewed_at;
  std::string review_comment;
};

class RuleChanges {
 public:
  explicit RuleChanges(db::Database& database) : database_(database) {}
  db::Database& database() const { return database_; }

  // Records `proposal` (pending) under a new id, which it returns.
  Result<std::string> Propose(RuleProposal proposal, const audit::Context& context);
  // kNotFound when there is none.
  Result<RuleProposal> Find(const std::string& id) const;
  // Oldest first.
  Result<std::vector<RuleProposal>> Pending() const;
  // Every published definition, in the order they were published (later ones win).
  Result<std::vector<RightChange>> Published() const;
  // The definition in force: the latest published one, else the shipped file's.
  Result<std::string> DefinitionInForce(const std::string& right_id) const;
  // Publishes or sends back a pending proposal. kFailedPrecondition when it is no longer
  // pending, or when the reviewer proposed it: a rule is checked by a second person.
  Status Review(const std::string& id, FigureStatus status, const std::string& comment, const audit::Context& context);

 private:
  Result<std::vector<RuleProposal>> Load(const std::string& where, const std::vector<db::Value>& parameters) const;
  db::Database& database_;
};

// The catalog in force: the shipped one with every published figure and definition, and
// then `figure` and `definition` when given (to check a proposal before it is saved or
// published): kInvalidArgument with the catalog's problems when it does not check.
Result<Catalog> CatalogInForce(db::Database& database, const std::optional<FigureChange>& figure = std::nullopt,
                               const std::optional<RightChange>& definition = std::nullopt);

}  // namespace zoneatlas::rights

#endif  // ZONEATLAS_RIGHTS_RULE_CHANGES_HPP_
