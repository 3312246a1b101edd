#include "rights/rule_pages.hpp"

#include <boost/json.hpp>

#include "accounts/routes.hpp"
#include "core/text.hpp"
#include "platform/http/form.hpp"
#include "web/access.hpp"

namespace zoneatlas::rights {
namespace json = boost::json;
namespace {

constexpr std::size_t kMaxDefinition = 64 * 1024;

std::string Message(const web::Site& site, Language language, std::string_view key) {
  return std::string(site.renderer.catalog().Get(language, key));
}

std::vector<std::string> Lines(std::string_view text) {
  std::vector<std::string> lines;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    lines.emplace_back(text.substr(0, end));
    if (!lines.back().empty() && lines.back().back() == '\r') lines.back().pop_back();
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
  }
  return lines;
}

// The lines of `after` against `before`, each marked kept, removed or added (a longest
// common subsequence: definitions are a few hundred lines). Written here rather than
// taken from libdtl, which Debian has, as an adapter and a dependency would outweigh it.
json::array LineDiff(std::string_view before, std::string_view after) {
  const std::vector<std::string> a = Lines(before), b = Lines(after);
  std::vector<std::vector<int>> common(a.size() + 1, std::vector<int>(b.size() + 1, 0));
  for (std::size_t i = a.size(); i-- > 0;) {
    for (std::size_t j = b.size(); j-- > 0;) {
      common[i][j] = a[i] == b[j] ? common[i + 1][j + 1] + 1 : std::max(common[i + 1][j], common[i][j + 1]);
    }
  }
  json::array lines;
  auto line = [&](const std::string& text, std::string_view change) {
    lines.push_back(json::object{
        {"text", text}, {"change", change}, {"removed", change == "removed"}, {"added", change == "added"}});
  };
  std::size_t i = 0, j = 0;
  while (i < a.size() || j < b.size()) {
    if (i < a.size() && j < b.size() && a[i] == b[j]) {
      line(a[i++], "kept");
      ++j;
    } else if (j < b.size() && (i == a.size() || common[i][j + 1] >= common[i + 1][j])) {
      line(b[j++], "added");
    } else {
      line(a[i++], "removed");
    }
  }
  return lines;
}

http::Response NoStore(http::Response page) {
  page.headers.Set("Cache-Control", "no-store");
  return page;
}

// The changes waiting for review, each with its lines against the definition in force,
// and the rights whose rules can be changed.
http::Response RulesPage(const web::Site& site, RuleChanges& changes, const Catalog& catalog,
                         const http::Request& request, Language language, json::object model) {
  auto pending = changes.Pending();
  if (!pending) return web::ErrorPage(site, request, language, pending.error());
  json::array to_review;
  for (const RuleProposal& proposal : *pending) {
    auto in_force = changes.DefinitionInForce(proposal.change.right_id);
    if (!in_force) return web::ErrorPage(site, request, language, in_force.error());
    const Right* right = catalog.Find(proposal.change.right_id);
    to_review.push_back(json::object{
        {"id", proposal.id},
        {"right", right != nullptr ? right->name.In(language) : proposal.change.right_id},
        {"right_id", proposal.change.right_id},
        {"note", proposal.note},
        {"proposed_by", proposal.proposed_by.label},
        {"own", proposal.proposed_by.id == request.identity->user_id},
        {"lines", LineDiff(*in_force, proposal.change.definition)},
        {"action", web::Href(language, "/rights/rules/changes/" + proposal.id + "/review")},
    });
  }
  json::array rights;
  for (const Right& right : catalog.rights()) {
    rights.push_back(json::object{{"name", right.name.In(language)},
                                  {"href", web::Href(language, "/rights/rules/" + right.id + "/edit")}});
  }
  model["has_to_review"] = !to_review.empty();
  model["to_review"] = std::move(to_review);
  model["rights"] = std::move(rights);
  model["csrf_field"] = http::kCsrfField;
  model["csrf_token"] = request.identity->csrf_token;
  return NoStore(web::Page(site, request, language, "rights_rules", Message(site, language, "rights_rules_title"),
                           std::move(model)));
}

// The form with the definition to change; `definition` is what was typed when it comes back.
http::Response EditPage(const web::Site& site, RuleChanges& changes, const Catalog& catalog,
                        const http::Request& request, Language language, const std::optional<std::string>& typed,
                        const std::string& note, json::array problems, int status) {
  const std::string right_id(request.PathParam("right_id"));
  const Right* right = catalog.Find(right_id);
  if (right == nullptr) {
    return web::ErrorPage(site, request, language, Error::NotFound("the catalog has no right " + right_id));
  }
  std::string definition;
  if (typed) {
    definition = *typed;
  } else {
    auto in_force = changes.DefinitionInForce(right_id);
    if (!in_force) return web::ErrorPage(site, request, language, in_force.error());
    definition = std::move(*in_force);
  }
  json::object model{{"right", right->name.In(language)},
                     {"right_href", web::Href(language, "/rights/" + right_id)},
                     {"rules_href", web::Href(language, "/rights/rules")},
                     {"definition", definition},
                     {"note", note},
                     {"has_problems", !problems.empty()},
                     {"problems", std::move(problems)},
                     {"action", web::Href(language, "/rights/rules/" + right_id + "/edit")},
                     {"csrf_field", http::kCsrfField},
                     {"csrf_token", request.identity->csrf_token}};
  return NoStore(web::Page(site, request, language, "rights_rule_edit",
                           Message(site, language, "rights_rule_edit_title") + ": " + right->name.In(language),
                           std::move(model), status));
}

http::Response Propose(const web::Site& site, RuleChanges& changes, CurrentCatalog& current,
                       const http::Request& request, Language language) {
  const auto form = accounts::SignedForm(request);
  if (!form) return web::FormExpiredPage(site, request, language);
  auto catalog = current.Get();
  const std::string right_id(request.PathParam("right_id"));
  // Browsers send a textarea's line ends as CR LF.
  std::string definition;
  for (char c : http::FormField(*form, "definition")) {
    if (c != '\r') definition += c;
  }
  const std::string note(text::Trim(http::FormField(*form, "note")));
  json::array problems;
  if (definition.size() > kMaxDefinition || note.size() > 2000) {
    problems.emplace_back(Message(site, language, "rights_rule_problem_too_long"));
  } else if (auto unchanged = changes.DefinitionInForce(right_id);
             unchanged && text::Trim(*unchanged) == text::Trim(definition)) {
    problems.emplace_back(Message(site, language, "rights_rule_problem_unchanged"));
  } else if (auto checked = CatalogInForce(changes.database(), std::nullopt, RightChange{right_id, definition});
             !checked) {
    if (!checked.error().Is(ErrorCode::kInvalidArgument)) {
      return web::ErrorPage(site, request, language, checked.error());
    }
    // The catalog names each problem "right ID: field: message", one per line.
    for (const std::string& line : Lines(checked.error().message())) problems.emplace_back(line);
  }
  if (!problems.empty()) {
    return EditPage(site, changes, *catalog, request, language, definition, note, std::move(problems), 422);
  }
  RuleProposal proposal;
  proposal.change = {right_id, std::move(definition)};
  proposal.note = note;
  auto id = changes.Propose(std::move(proposal), {accounts::ActorOf(*request.identity)});
  if (!id) return web::ErrorPage(site, request, language, id.error());
  return http::Response::Redirect(web::Href(language, "/rights/rules") + "?proposed=1", 303);
}

http::Response Review(const web::Site& site, RuleChanges& changes, CurrentCatalog& current,
                      const http::Request& request, Language language) {
  const auto form = accounts::SignedForm(request);
  if (!form) return web::FormExpiredPage(site, request, language);
  const std::string id(request.PathParam("change_id"));
  const std::string decision = http::FormField(*form, "decision");
  if (decision != "publish" && decision != "send_back") {
    return web::ErrorPage(site, request, language, Error::InvalidArgument("choose publish or send back"));
  }
  const FigureStatus status = decision == "publish" ? FigureStatus::kPublished : FigureStatus::kSentBack;
  if (status == FigureStatus::kPublished) {
    // Checked again: other changes may have been published since it was proposed.
    auto proposal = changes.Find(id);
    if (!proposal) return web::ErrorPage(site, request, language, proposal.error());
    if (auto fits = CatalogInForce(changes.database(), std::nullopt, proposal->change); !fits) {
      return web::ErrorPage(site, request, language,
                            fits.error().Is(ErrorCode::kInvalidArgument)
                                ? Error::FailedPrecondition(fits.error().message())
                                : fits.error());
    }
  }
  const std::string comment(text::Trim(http::FormField(*form, "comment")));
  if (auto reviewed = changes.Review(id, status, comment.substr(0, 2000), {accounts::ActorOf(*request.identity)});
      !reviewed) {
    return web::ErrorPage(site, request, language, reviewed.error());
  }
  if (status == FigureStatus::kPublished) {
    if (auto refreshed = current.Refresh(); !refreshed) {
      return web::ErrorPage(site, request, language, refreshed.error());
    }
  }
  return http::Response::Redirect(web::Href(language, "/rights/rules") + "?reviewed=1", 303);
}

}  // namespace

void AddRuleRoutes(http::Router& router, const web::Site& site, RuleChanges& changes, CurrentCatalog& current) {
  const auto editors = std::string(web::kZoneEditor);
  router.Get("/{lang}/rights/rules",
             web::ForLanguage(site,
                              [&site, &changes, &current](const http::Request& request, Language language) {
                                json::object notice;
                                if (request.Query("proposed"))
                                  notice["notice"] = Message(site, language, "rights_rules_proposed");
                                if (request.Query("reviewed"))
                                  notice["notice"] = Message(site, language, "rights_rules_reviewed");
                                return RulesPage(site, changes, *current.Get(), request, language, std::move(notice));
                              }),
             {.name = "rights_rules", .access = editors});
  router.Get("/{lang}/rights/rules/{right_id}/edit",
             web::ForLanguage(site,
                              [&site, &changes, &current](const http::Request& request, Language language) {
                                return EditPage(site, changes, *current.Get(), request, language, std::nullopt, "", {},
                                                200);
                              }),
             {.name = "rights_rule_edit", .access = editors});
  router.Post("/{lang}/rights/rules/{right_id}/edit",
              web::ForLanguage(site,
                               [&site, &changes, &current](const http::Request& request, Language language) {
                                 return Propose(site, changes, current, request, language);
                               }),
              {.name = "rights_rule_propose", .access = editors});
  router.Post("/{lang}/rights/rules/changes/{change_id}/review",
              web::ForLanguage(site,
                               [&site, &changes, &current](const http::Request& request, Language language) {
                                 return Review(site, changes, current, request, language);
                               }),
              {.name = "rights_rule_review", .access = editors});
}

}  // namespace zoneatlas::rights
