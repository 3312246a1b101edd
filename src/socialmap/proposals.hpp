// socialmap/proposals.hpp: the review queue — proposed changes, new services, reports
// of a change and community resources, from the moment someone sends them until a zone
// editor publishes them or sends them back with a comment.
//
// A proposal keeps the whole service as proposed, as HSDS JSON: publishing reads it with
// the same checks as an import, saves it with the organisation and existing locations as
// they are by then, marks it verified by the reviewer that day, and records the service
// before and after in the audit trail. Every step is audited.
//
// Thread safety: a Proposals may be used from many threads; the database serialises writes.
#ifndef ZONEATLAS_SOCIALMAP_PROPOSALS_HPP_
#define ZONEATLAS_SOCIALMAP_PROPOSALS_HPP_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "audit/audit.hpp"
#include "core/date.hpp"
#include "core/error.hpp"
#include "platform/db/database.hpp"
#include "socialmap/model.hpp"
#include "socialmap/store.hpp"
#include "socialmap/taxonomy.hpp"

namespace zoneatlas::socialmap {

enum class ProposalKind { kChange, kNew, kReport };
enum class ProposalStatus { kPending, kPublished, kSentBack, kClosed };
std::string_view ProposalKindName(ProposalKind kind);        // "change", "new", "report"
std::string_view ProposalStatusName(ProposalStatus status);  // "pending", "published", "sent_back", "closed"

struct Proposal {
  std::string id;
  ProposalKind kind = ProposalKind::kChange;
  std::string service_id;  // Changed, reported on, or to be added.
  std::string organization_id;
  // The service as proposed, with the location it adds if any; empty for a report.
  std::optional<Service> service;
  std::optional<Location> location;  // The place as proposed, when new or changed.
  // Why the service as proposed no longer reads (a theme since taken out of the taxonomy,
  // say); empty when it reads. Such a proposal stays in the queue, to be sent back.
  std::string unreadable;
  // What an unreadable proposal still says plainly: its name and the municipalities it
  // serves or lies in, so that the zone editors who answer for them can send it back.
  std::string unreadable_name;
  std::vector<std::string> unreadable_area_codes;
  std::string message;  // The proposer's words.
  bool community = false;
  ProposalStatus status = ProposalStatus::kPending;
  audit::Actor proposed_by;
  std::int64_t proposed_at = 0;
  std::string reviewed_by;  // The reviewer's label.
  std::optional<std::int64_t> reviewed_at;
  std::string review_comment;
};

// A proposal to submit: what is proposed and why; Submit fills in its id, who and when.
Proposal NewProposal(ProposalKind kind, std::string service_id, std::string organization_id,
                     std::optional<Service> service, std::optional<Location> location, std::string message,
                     bool community);

class Proposals {
 public:
  Proposals(db::Database& database, const Store& store, const Taxonomy& taxonomy)
      : database_(database), store_(store), taxonomy_(taxonomy) {}

  // Records `proposal` (pending) under a new id, which it returns. Audited.
  Result<std::string> Submit(Proposal proposal, const audit::Context& context);
  // kNotFound when there is no such proposal.
  Result<Proposal> Find(const std::string& id) const;
  // Pending proposals, oldest first.
  Result<std::vector<Proposal>> Pending() const;
  // What `user_id` proposed, newest first (at most `limit`).
  Result<std::vector<Proposal>> ProposedBy(const std::string& user_id, int limit) const;

  // Saves the proposed service (a change or a new service), verified on `today` by the
  // reviewer; a report is closed instead. kFailedPrecondition unless pending, or when
  // the proposal no longer reads; kPermissionDenied for its own author.
  Status Publish(const std::string& id, const Date& today, const std::string& comment, const audit::Context& context);
  // A reviewer's own change within their reach: recorded and published at once (not left
  // for someone else to review). Returns its id.
  Result<std::string> SubmitPublished(Proposal proposal, const Date& today, const audit::Context& context);
  // Returns the proposal to its author with `comment` (required). kFailedPrecondition
  // unless pending; kInvalidArgument without a comment; kPermissionDenied for its author.
  Status SendBack(const std::string& id, const std::string& comment, const audit::Context& context);

 private:
  Status PublishFound(const Proposal& proposal, const Date& today, const std::string& comment,
                      const audit::Context& context);
  Status Review(db::Connection& connection, const Proposal& proposal, ProposalStatus status, const std::string& comment,
                const audit::Context& context);
  Result<Proposal> ProposalOf(const db::Row& row) const;
  // The proposals of "SELECT … FROM sm_proposals `where`" (a WHERE and ORDER BY).
  Result<std::vector<Proposal>> Load(const std::string& where, std::vector<db::Value> parameters) const;

  db::Database& database_;
  const Store& store_;
  const Taxonomy& taxonomy_;
};

}  // namespace zoneatlas::socialmap

#endif  // ZONEATLAS_SOCIALMAP_PROPOSALS_HPP_
