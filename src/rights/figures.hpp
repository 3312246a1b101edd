// rights/figures.hpp: figures of the rights catalog proposed by zone editors and reviewed
// by another — a new index jump, next year's thresholds — kept in the database and laid
// over the shipped catalog (Catalog::Shipped(changes)) once published. Audited.
//
// Thread safety: the database's.
#ifndef ZONEATLAS_RIGHTS_FIGURES_HPP_
#define ZONEATLAS_RIGHTS_FIGURES_HPP_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "audit/audit.hpp"
#include "core/error.hpp"
#include "platform/db/database.hpp"
#include "rights/catalog.hpp"

namespace zoneatlas::rights {

enum class FigureStatus { kPending, kPublished, kSentBack };
std::string_view FigureStatusName(FigureStatus status);  // "pending", "published", "sent_back"

struct FigureProposal {
  std::string id;
  FigureChange change;
  std::string note;  // The proposer's words for the reviewer.
  FigureStatus status = FigureStatus::kPending;
  audit::Actor proposed_by;
  std::int64_t proposed_at = 0;
  std::string reviewed_by;  // The reviewer's label.
  std::optional<std::int64_t> reviewed_at;
  std::string review_comment;
};

class Figures {
 public:
  explicit Figures(db::Database& database) : database_(database) {}
  db::Database& database() const { return database_; }

  // Records `proposal` (pending) under a new id, which it returns.
  Result<std::string> Propose(FigureProposal proposal, const audit::Context& context);
  // kNotFound when there is none.
  Result<FigureProposal> Find(const std::string& id) const;
  // Oldest first.
  Result<std::vector<FigureProposal>> Pending() const;
  // Every published figure, in the order they were published (later ones win).
  Result<std::vector<FigureChange>> Published() const;
  // Publishes or sends back a pending proposal. kFailedPrecondition when it is no longer
  // pending, or when the reviewer proposed it: a figure is checked by a second person.
  Status Review(const std::string& id, FigureStatus status, const std::string& comment, const audit::Context& context);

 private:
  Result<std::vector<FigureProposal>> Load(const std::string& where, const std::vector<db::Value>& parameters) const;
  db::Database& database_;
};

}  // namespace zoneatlas::rights

#endif  // ZONEATLAS_RIGHTS_FIGURES_HPP_
