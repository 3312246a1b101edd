#include "rights/figure_pages.hpp"

#include <boost/json.hpp>
#include <cmath>

#include "accounts/routes.hpp"
#include "core/text.hpp"
#include "platform/http/form.hpp"
#include "rights/freshness.hpp"
#include "rights/rule_changes.hpp"
#include "web/access.hpp"

namespace zoneatlas::rights {
namespace json = boost::json;
namespace {

std::string Message(const web::Site& site, Language language, std::string_view key) {
  return std::string(site.renderer.catalog().Get(language, key));
}

std::string ShowDate(const Date& date, Language language) {
  return view::FormatDate(date.year(), date.month(), date.day(), language);
}

json::object FigureModel(const web::Site& site, const Catalog& catalog, const FigureProposal& proposal,
                         Language language) {
  const ParameterValue& figure = proposal.change.value;
  const Parameter* parameter = catalog.FindParameter(proposal.change.parameter_id);
  json::array current;
  if (parameter != nullptr) {
    for (const ParameterValue& value : parameter->values) {
      current.push_back(json::object{{"from", ShowDate(value.from, language)},
                                     {"value", view::FormatNumber(value.value, 2, language)}});
    }
  }
  return json::object{
      {"id", proposal.id},
      {"parameter", parameter ? parameter->description.In(language) : proposal.change.parameter_id},
      {"unit", parameter ? parameter->unit : ""},
      {"from", ShowDate(figure.from, language)},
      {"until", figure.until ? ShowDate(*figure.until, language) : Message(site, language, "rights_figure_open")},
      {"value", view::FormatNumber(figure.value, 2, language)},
      {"decided",
       figure.decided ? ShowDate(*figure.decided, language) : Message(site, language, "rights_figure_decided_unknown")},
      {"legal_source", figure.legal_source},
      {"source", figure.source},
      {"reliability",
       Message(site, language, "rights_reliability_" + std::string(ReliabilityCode(figure.reliability)))},
      {"known_until", ShowDate(proposal.change.known_until, language)},
      {"note", proposal.note},
      {"proposed_by", proposal.proposed_by.label},
      {"current", std::move(current)},
      {"action", web::Href(language, "/rights/figures/" + proposal.id + "/review")},
  };
}

// What needs an editor first (rights/freshness.hpp), one sentence each.
json::array AttentionModel(const web::Site& site, const Catalog& catalog, Language language) {
  const view::Catalog& messages = site.renderer.catalog();
  const Date today = Date::Today();
  json::array items;
  for (const Attention& item : NeedsAttention(catalog, today, 90)) {
    const Parameter& parameter = *item.parameter;
    const bool money = parameter.unit.starts_with("EUR");
    const std::string value = view::FormatNumber(item.figure->value, money ? 2 : 0, language) + (money ? " €" : "");
    const std::string reliability =
        Message(site, language, "rights_reliability_" + std::string(ReliabilityCode(item.figure->reliability)));
    auto format = [&](std::string_view key) {
      return messages.Format(language, key,
                             {{"parameter", parameter.description.In(language) + " (" + parameter.id + ")"},
                              {"date", ShowDate(today, language)},
                              {"ends", ShowDate(item.ends, language)},
                              {"from", ShowDate(item.figure->from, language)},
                              {"value", value},
                              {"reliability", reliability},
                              {"source", item.figure->source}});
    };
    std::string text;
    switch (item.kind) {
      case Attention::Kind::kNoFigure:
        text = format("rights_attention_no_figure") + " " +
               Message(site, language,
                       parameter.indexed_upwards.empty() ? "rights_attention_cannot_tell" : "rights_attention_bounded");
        break;
      case Attention::Kind::kEndsSoon:
        text = format("rights_attention_ends_soon");
        break;
      case Attention::Kind::kWeakSource:
        text = format("rights_attention_weak_source");
        break;
    }
    items.emplace_back(std::move(text));
  }
  return items;
}

// The list to review and the form to propose; `form` keeps what was typed.
http::Response FiguresPage(const web::Site& site, Figures& figures, const Catalog& catalog,
                           const http::Request& request, Language language, json::object form = {}, int status = 200) {
  auto pending = figures.Pending();
  if (!pending) return web::ErrorPage(site, request, language, pending.error());
  json::array to_review;
  for (const FigureProposal& proposal : *pending) {
    json::object item = FigureModel(site, catalog, proposal, language);
    item["own"] = proposal.proposed_by.id == request.identity->user_id;
    to_review.push_back(std::move(item));
  }
  json::array parameters;
  const std::string chosen = form.contains("parameter") ? std::string(form["parameter"].as_string()) : "";
  for (const Parameter& parameter : catalog.parameters()) {
    if (parameter.id.starts_with("screening.")) continue;
    parameters.push_back(json::object{{"id", parameter.id},
                                      {"name", parameter.description.In(language) + " (" + parameter.unit + ")"},
                                      {"selected", parameter.id == chosen}});
  }
  json::array reliabilities;
  for (Reliability reliability :
       {Reliability::kOfficial, Reliability::kPayingBody, Reliability::kSecondary, Reliability::kUnverified}) {
    const std::string code(ReliabilityCode(reliability));
    reliabilities.push_back(
        json::object{{"code", code},
                     {"name", Message(site, language, "rights_reliability_" + code)},
                     {"selected", form.contains("reliability") && form["reliability"] == json::value(code)}});
  }
  json::array attention = AttentionModel(site, catalog, language);
  form["has_attention"] = !attention.empty();
  form["attention"] = std::move(attention);
  form["to_review"] = std::move(to_review);
  form["has_to_review"] = !pending->empty();
  form["parameters"] = std::move(parameters);
  form["reliabilities"] = std::move(reliabilities);
  form["propose_action"] = web::Href(language, "/rights/figures");
  form["csrf_field"] = http::kCsrfField;
  form["csrf_token"] = request.identity->csrf_token;
  http::Response page = web::Page(site, request, language, "rights_figures",
                                  Message(site, language, "rights_figures_title"), std::move(form), status);
  page.headers.Set("Cache-Control", "no-store");
  return page;
}

http::Response Propose(const web::Site& site, Figures& figures, CurrentCatalog& current, const http::Request& request,
                       Language language) {
  const auto form = accounts::SignedForm(request);
  if (!form) return web::FormExpiredPage(site, request, language);
  auto catalog = current.Get();
  auto field = [&](const std::string& name) { return std::string(text::Trim(http::FormField(*form, name))); };
  json::object typed;
  for (const char* name : {"parameter", "from", "until", "value", "decided", "legal_source", "source", "reliability",
                           "known_until", "note"}) {
    typed[name] = field(name);
  }
  std::vector<std::string> problems;
  FigureProposal proposal;
  proposal.change.parameter_id = field("parameter");
  if (catalog->FindParameter(proposal.change.parameter_id) == nullptr)
    problems.push_back("rights_figure_problem_parameter");
  auto from = Date::Parse(field("from"));
  if (!from)
    problems.push_back("rights_figure_problem_from");
  else
    proposal.change.value.from = *from;
  if (!field("until").empty()) {
    auto until = Date::Parse(field("until"));
    if (!until || (from && *until < *from))
      problems.push_back("rights_figure_problem_until");
    else
      proposal.change.value.until = *until;
  }
  const auto value = text::ParseDecimal(field("value"));
  if (!value || !std::isfinite(*value) || *value < 0)
    problems.push_back("rights_figure_problem_value");
  else
    proposal.change.value.value = *value;
  if (!field("decided").empty()) {
    auto decided = Date::Parse(field("decided"));
    if (!decided)
      problems.push_back("rights_figure_problem_decided");
    else
      proposal.change.value.decided = *decided;
  }
  proposal.change.value.legal_source = field("legal_source");
  proposal.change.value.source = field("source");
  if (proposal.change.value.source.empty()) problems.push_back("rights_figure_problem_source");
  bool reliability_known = false;
  for (Reliability reliability :
       {Reliability::kOfficial, Reliability::kPayingBody, Reliability::kSecondary, Reliability::kUnverified}) {
    if (ReliabilityCode(reliability) == field("reliability")) {
      proposal.change.value.reliability = reliability;
      reliability_known = true;
    }
  }
  if (!reliability_known) problems.push_back("rights_figure_problem_reliability");
  auto known_until = Date::Parse(field("known_until"));
  if (!known_until || (from && *known_until < *from))
    problems.push_back("rights_figure_problem_known_until");
  else
    proposal.change.known_until = *known_until;
  proposal.note = field("note");
  if (proposal.note.size() > 2000 || proposal.change.value.source.size() > 500 ||
      proposal.change.value.legal_source.size() > 500) {
    problems.push_back("rights_figure_problem_too_long");
  }
  // The figure must fit the catalog in force: its period beside the other figures.
  std::string catalog_problem;
  if (problems.empty()) {
    if (auto fits = CatalogInForce(figures.database(), proposal.change); !fits) {
      if (!fits.error().Is(ErrorCode::kInvalidArgument)) return web::ErrorPage(site, request, language, fits.error());
      catalog_problem = fits.error().message();
    }
  }
  if (!problems.empty() || !catalog_problem.empty()) {
    json::array messages;
    for (const std::string& key : problems) messages.emplace_back(Message(site, language, key));
    if (!catalog_problem.empty()) {
      messages.emplace_back(Message(site, language, "rights_figure_problem_catalog") + " " + catalog_problem);
    }
    typed["problems"] = std::move(messages);
    return FiguresPage(site, figures, *catalog, request, language, std::move(typed), 422);
  }
  auto id = figures.Propose(std::move(proposal), {accounts::ActorOf(*request.identity)});
  if (!id) return web::ErrorPage(site, request, language, id.error());
  return http::Response::Redirect(web::Href(language, "/rights/figures") + "?proposed=1", 303);
}

http::Response Review(const web::Site& site, Figures& figures, CurrentCatalog& current, const http::Request& request,
                      Language language) {
  const auto form = accounts::SignedForm(request);
  if (!form) return web::FormExpiredPage(site, request, language);
  const std::string id(request.PathParam("figure_id"));
  const std::string decision = http::FormField(*form, "decision");
  if (decision != "publish" && decision != "send_back") {
    return web::ErrorPage(site, request, language, Error::InvalidArgument("choose publish or send back"));
  }
  const FigureStatus status = decision == "publish" ? FigureStatus::kPublished : FigureStatus::kSentBack;
  if (status == FigureStatus::kPublished) {
    // Checked again: another figure may have been published since it was proposed.
    auto proposal = figures.Find(id);
    if (!proposal) return web::ErrorPage(site, request, language, proposal.error());
    if (auto fits = CatalogInForce(figures.database(), proposal->change); !fits) {
      return web::ErrorPage(site, request, language,
                            fits.error().Is(ErrorCode::kInvalidArgument)
                                ? Error::FailedPrecondition(fits.error().message())
                                : fits.error());
    }
  }
  const std::string comment(text::Trim(http::FormField(*form, "comment")));
  if (auto reviewed = figures.Review(id, status, comment.substr(0, 2000), {accounts::ActorOf(*request.identity)});
      !reviewed) {
    return web::ErrorPage(site, request, language, reviewed.error());
  }
  if (status == FigureStatus::kPublished) {
    if (auto refreshed = current.Refresh(); !refreshed) {
      return web::ErrorPage(site, request, language, refreshed.error());
    }
  }
  return http::Response::Redirect(web::Href(language, "/rights/figures") + "?reviewed=1", 303);
}

}  // namespace

void AddFigureRoutes(http::Router& router, const web::Site& site, Figures& figures, CurrentCatalog& current) {
  const auto editors = std::string(web::kZoneEditor);
  router.Get("/{lang}/rights/figures",
             web::ForLanguage(site,
                              [&site, &figures, &current](const http::Request& request, Language language) {
                                json::object notice;
                                if (request.Query("proposed"))
                                  notice["notice"] = Message(site, language, "rights_figures_proposed");
                                if (request.Query("reviewed"))
                                  notice["notice"] = Message(site, language, "rights_figures_reviewed");
                                return FiguresPage(site, figures, *current.Get(), request, language, std::move(notice));
                              }),
             {.name = "rights_figures", .access = editors});
  router.Post("/{lang}/rights/figures",
              web::ForLanguage(site,
                               [&site, &figures, &current](const http::Request& request, Language language) {
                                 return Propose(site, figures, current, request, language);
                               }),
              {.name = "rights_figure_propose", .access = editors});
  router.Post("/{lang}/rights/figures/{figure_id}/review",
              web::ForLanguage(site,
                               [&site, &figures, &current](const http::Request& request, Language language) {
                                 return Review(site, figures, current, request, language);
                               }),
              {.name = "rights_figure_review", .access = editors});
}

}  // namespace zoneatlas::rights
