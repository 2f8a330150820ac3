#include "session.hpp"

#include "after_action.hpp"
#include "map_view.hpp"

#include <border/checkpoint_lp.hpp>
#include <border/country_lp.hpp>
#include <border/organisation_lp.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <sstream>

#include <fmt/format.h>

namespace bstp::tabletop {
namespace {

using border::kDay;
using border::kHour;
using border::kMinute;

std::string format_msg(const std::string& message, auto&&... args) {
  return fmt::format(fmt::runtime(message), std::forward<decltype(args)>(args)...);
}

using border::plain_number;

}  // namespace

std::vector<std::string> split_words(const std::string& line) { return border::order_words(line); }

Session::Session(const Exercise& exercise, SessionOptions options) : exercise_(exercise), options_(std::move(options)) {
  if (!options_.team.empty() && options_.team != "facilitator") {
    team_ = exercise.team(options_.team);
    if (team_ == nullptr) {
      std::string names = "facilitator";
      for (const Team& t : exercise.teams) names += ", " + t.name;
      throw std::invalid_argument(fmt::format("no team '{}' in {}; the teams are: {}", options_.team, exercise.file, names));
    }
  }
  if (options_.seed) base_overrides_.emplace_back("scenario.seed", std::to_string(*options_.seed));
  base_overrides_.emplace_back("scenario.horizon_days", fmt::format("{}", exercise.days));
  compiled_ = std::make_unique<border::CompiledScenario>(exercise.document->resolve(exercise.policy, base_overrides_));
  replication_ = std::make_unique<border::Replication>(*compiled_, options_.replication, 1);
  for (const Inject& inject : exercise.injects)
    if (inject.when && compiled_->graph().node(inject.when->node_index).id != inject.when->node)
      throw std::logic_error(fmt::format("injects.{}: node index of '{}' out of step with the graph", inject.id, inject.when->node));
  fired_.assign(exercise.injects.size(), false);
  condition_met_.assign(exercise.injects.size(), -1);
  // Every order an inject applies must be one the facilitator could give.
  std::vector<border::Diagnostic> problems;
  for (const Inject& inject : exercise.injects)
    for (const std::string& text : inject.apply) {
      const std::vector<std::string> words = split_words(text);
      const auto parsed = words.empty() || !is_order_word(words.front())
                              ? std::variant<Order, std::string>(std::string("not an order (see help)"))
                              : parse_order(words, *compiled_, Authority{}, [this](const auto& p) { return check_patch(p); }, Catalog());
      if (const auto* message = std::get_if<std::string>(&parsed))
        problems.push_back({exercise.file, 0, 0, fmt::format("injects.{}.apply", inject.id), fmt::format("'{}': {}", text, *message)});
    }
  if (!problems.empty()) throw border::ScenarioError(problems);
  log("session", {{"exercise", exercise.name},
                  {"title", exercise.title.en},
                  {"title_es", exercise.title.es},
                  {"scenario", compiled_->scenario().name},
                  {"policy", exercise.policy},
                  {"seed", compiled_->scenario().seed},
                  {"replication", options_.replication},
                  {"days", exercise.days},
                  {"team", team_ ? team_->name : "facilitator"},
                  {"language", options_.catalog.language()}});
  log("map", graph_record(*compiled_));
}

Session::~Session() = default;

Time Session::now() const { return replication_->simulation().now(); }
double Session::day() const { return border::in_days(now()); }

std::string Session::when(Time t) const {
  const Time day = t / kDay, rest = t % kDay;
  if (rest == 0) return format_msg(tr(N_("day {}")), day);
  return format_msg(tr(N_("day {} {:02}:{:02}")), day, rest / kHour, rest % kHour / kMinute);
}

std::string Session::prompt() const { return fmt::format("[{}] {}> ", when(now()), team_ ? team_->name : "facilitator"); }

void Session::log(const std::string& kind, nlohmann::json fields) const {
  if (options_.log == nullptr) return;
  nlohmann::json record = {{"kind", kind}, {"time_s", border::in_seconds(now())}, {"day", day()}};
  record.update(fields);
  *options_.log << record.dump() << "\n";
  options_.log->flush();
}

bool Session::sees_country(int country) const {
  return team_ == nullptr || compiled_->country_index(team_->country) == country;
}

std::vector<std::string> Session::check_patch(const std::vector<border::Override>& more) const {
  std::vector<border::Override> all = base_overrides_;
  all.insert(all.end(), patches_.begin(), patches_.end());
  all.insert(all.end(), more.begin(), more.end());
  try {
    exercise_.document->resolve(exercise_.policy, all);
    return {};
  } catch (const border::ScenarioError& e) {
    // The problems of the keys the order sets first, then what follows from them (capacity).
    std::vector<border::Diagnostic> found = e.diagnostics();
    std::stable_partition(found.begin(), found.end(), [&](const border::Diagnostic& d) {
      return std::any_of(more.begin(), more.end(), [&](const border::Override& o) { return d.path == o.first; });
    });
    std::vector<std::string> messages;
    for (const border::Diagnostic& d : found) messages.push_back(d.path.empty() ? d.full_message() : d.path + ": " + d.full_message());
    return messages;
  }
}

std::string Session::welcome() {
  std::string text = fmt::format("{}\n", exercise_.title.in(options_.catalog.language()).empty() ? exercise_.name
                                                                                                  : exercise_.title.in(options_.catalog.language()));
  text += format_msg(tr(N_("Scenario {}, seed {}, replication {}; {} days of play.")), compiled_->scenario().name,
                     compiled_->scenario().seed, options_.replication, exercise_.days) + "\n";
  if (!exercise_.objectives.empty()) {
    text += tr(N_("Learning objectives:")) + "\n";
    for (const Text& o : exercise_.objectives) text += "  - " + o.in(options_.catalog.language()) + "\n";
  }
  if (team_) text += format_msg(tr(N_("You play team {} ({}): you see your country and command its forces.")), team_->name, team_->country) + "\n";
  else text += tr(N_("You are the facilitator: you see every country and command every force.")) + "\n";
  text += tr(N_("Type help for the commands.")) + "\n";
  // Injects of day 0 fire before the first step.
  for (std::size_t i = 0; i < exercise_.injects.size(); ++i)
    if (exercise_.injects[i].day && *exercise_.injects[i].day == 0.0) text += fire(exercise_.injects[i], 0), fired_[i] = true;
  return text;
}

std::string Session::help() const {
  std::string text = tr(N_("The clock:")) + "\n";
  text += fmt::format("  {:<50} {}\n", "step N days|weeks", tr(N_("move the clock on (stops early when an inject fires)")));
  text += fmt::format("  {:<50} {}\n", "run-until DAY", tr(N_("move the clock to the start of a day")));
  text += tr(N_("What you see:")) + "\n";
  text += fmt::format("  {:<50} {}\n", "status", tr(N_("situation report by country, sector and checkpoint")));
  text += fmt::format("  {:<50} {}\n", "map [COUNTRY]", tr(N_("sectors, crossings and seams with the activity so far")));
  text += fmt::format("  {:<50} {}\n", "units", tr(N_("the patrol units and where they are now")));
  text += fmt::format("  {:<50} {}\n", "orders", tr(N_("the orders given so far")));
  text += fmt::format("  {:<50} {}\n", "history", tr(N_("the commands of this session")));
  text += tr(N_("Orders (applied from now, when the clock next moves):")) + "\n";
  text += order_help(options_.catalog);
  text += fmt::format("  {:<50} {}\n", "undo", tr(N_("take back the last order, before the clock moves")));
  text += fmt::format("  {:<50} {}\n", "help", tr(N_("this list")));
  text += fmt::format("  {:<50} {}\n", "quit", tr(N_("end the exercise")));
  return text;
}

std::string Session::execute(const std::string& line) {
  const std::vector<std::string> words = split_words(line);
  if (words.empty() || words.front().starts_with("#")) return "";
  std::string joined;
  for (const std::string& w : words) joined += (joined.empty() ? "" : " ") + w;
  history_.emplace_back(now(), joined);
  const std::string& command = words.front();
  try {
    if (command == "help" || command == "?") return help();
    if (command == "status") return status();
    if (command == "units") return units();
    if (command == "map") return map(words);
    if (command == "orders") return orders_given();
    if (command == "history") return history();
    if (command == "undo") return undo();
    if (command == "quit" || command == "exit") {
      quit_ = true;
      return "";
    }
    if (command == "step") {
      const std::string usage = tr(N_("usage: step N days|weeks (for example: step 2 weeks)"));
      if (words.size() < 2 || words.size() > 3) return usage + "\n";
      const double n = plain_number(words[1]);
      const std::string unit = words.size() == 3 ? words[2] : "days";
      const double per = unit == "day" || unit == "days" ? 1.0 : unit == "week" || unit == "weeks" ? 7.0 : 0.0;
      if (per == 0.0 || !std::isfinite(n) || n <= 0.0 || n > exercise_.days) return usage + "\n";
      return step(now() + border::days_to_ticks(n * per));
    }
    if (command == "run-until") {
      const double d = words.size() == 2 ? plain_number(words[1]) : -1.0;
      if (!(d >= 0.0) || d > exercise_.days) return format_msg(tr(N_("usage: run-until DAY, a day from now to {}")), exercise_.days) + "\n";
      const Time until = border::days_to_ticks(d);
      if (until <= now()) return format_msg(tr(N_("it is already {}; the clock only moves forward")), when(now())) + "\n";
      return step(until);
    }
    if (is_order_word(command)) return give(words, Authority{team_}, true);
  } catch (const std::exception& e) {
    return format_msg(tr(N_("that did not work: {}")), e.what()) + "\n";
  }
  return format_msg(tr(N_("unknown command '{}'; type help for the commands")), command) + "\n";
}

std::string Session::give(const std::vector<std::string>& words, const Authority& who, bool undoable) {
  auto parsed = parse_order(words, *compiled_, who, [this](const auto& p) { return check_patch(p); }, options_.catalog);
  if (auto* message = std::get_if<std::string>(&parsed)) {
    log("order_refused", {{"team", who.name()}, {"order", words.front()}, {"text", fmt::format("{}", fmt::join(words, " "))}, {"reason", *message}});
    return format_msg(tr(N_("order not given: {}")), *message) + "\n";
  }
  Order& order = std::get<Order>(parsed);
  patches_.insert(patches_.end(), order.overrides.begin(), order.overrides.end());
  log("order", {{"team", order.team}, {"text", order.text}, {"summary", order.summary}, {"by_inject", !undoable}});
  const std::string text = format_msg(tr(N_("order ({}): {}")), when(now()), order.summary) + "\n";
  pending_.push_back({now(), std::move(order), !undoable});
  if (!undoable) apply_pending();
  return text;
}

std::string Session::undo() {
  if (pending_.empty()) return tr(N_("nothing to undo: orders given before the clock last moved are in force")) + "\n";
  const Given last = pending_.back();
  pending_.pop_back();
  patches_.resize(patches_.size() - last.order.overrides.size());
  log("undo", {{"team", last.order.team}, {"text", last.order.text}});
  return format_msg(tr(N_("taken back: {}")), last.order.text) + "\n";
}

void Session::apply_pending() {
  for (Given& g : pending_) {
    for (const auto& [country, event] : g.order.events) replication_->inject_order(country, now(), event);
    given_.push_back(std::move(g));
  }
  pending_.clear();
}

double Session::measure(const Condition& c) const {
  const border::NodeIndex node = c.node_index;
  const int country = compiled_->node_country[node];
  const border::SituationTally& t = replication_->country(country).tally();
  switch (c.measure) {
    case Condition::Measure::seized_kg: return t.seized_kg_at[node];
    case Condition::Measure::delivered_kg: return t.delivered_kg_at[node];
    case Condition::Measure::kg_through: return t.kg_through[node];
    case Condition::Measure::largest_shipment_kg: return t.largest_kg_through[node];
  }
  return 0.0;
}

std::string Session::step(Time until) {
  Simulation& sim = replication_->simulation();
  until = std::min(until, compiled_->horizon());
  if (now() >= compiled_->horizon()) return format_msg(tr(N_("the exercise is over: {} was its last day")), when(now())) + "\n";
  apply_pending();
  const Time from = now();
  const std::vector<border::SituationTally> before = tallies();
  std::string text;
  bool paused = false;
  while (now() < until && !paused) {
    // The next stop: the target, the next day-inject, and (while conditions wait) the next midnight.
    Time stop = until;
    bool conditions = false;
    for (std::size_t i = 0; i < exercise_.injects.size(); ++i) {
      const Inject& in = exercise_.injects[i];
      if (fired_[i]) continue;
      if (in.day) stop = std::min(stop, std::max(now() + 1, border::days_to_ticks(*in.day)));
      if (in.when && !in.day) conditions = true;
    }
    if (conditions) {
      stop = std::min(stop, (now() / kDay + 1) * kDay);
      sim.set_observer([this](const CommittedEvent& e) {
        for (std::size_t i = 0; i < exercise_.injects.size(); ++i) {
          const Inject& in = exercise_.injects[i];
          if (!fired_[i] && in.when && !in.day && condition_met_[i] < 0 && measure(*in.when) > in.when->above) condition_met_[i] = e.time;
        }
      });
    } else {
      sim.set_observer({});
    }
    sim.run_until(stop);
    for (std::size_t i = 0; i < exercise_.injects.size(); ++i) {
      const Inject& in = exercise_.injects[i];
      if (fired_[i]) continue;
      const bool day_came = in.day && border::days_to_ticks(*in.day) <= now();
      const bool met = in.when && !in.day && condition_met_[i] >= 0;
      // An inject with both a day and a condition fires on the day if the condition holds then.
      if ((day_came && (!in.when || measure(*in.when) > in.when->above)) || met) {
        fired_[i] = true;
        text += fire(in, met ? condition_met_[i] : now());
        // The clock stops for an inject the player sees (an inject for another team passes by).
        paused = paused || in.to.empty() || team_ == nullptr || team_->name == in.to;
      } else if (day_came) {
        fired_[i] = true;  // its day came without its condition
        log("inject_skipped", {{"id", in.id}});
      }
    }
  }
  sim.set_observer({});
  text = format_msg(tr(N_("The clock moves from {} to {}.")), when(from), when(now())) + "\n" + since(before) + text;
  if (paused) text += tr(N_("The clock stops for the inject; step or run-until to go on.")) + "\n";
  if (now() >= compiled_->horizon()) text += tr(N_("This was the exercise's last day.")) + "\n";
  log("step", {{"from_day", border::in_days(from)}, {"outcome", outcome()}});
  return text;
}

std::string Session::fire(const Inject& inject, Time met_at) {
  log("inject", {{"id", inject.id}, {"to", inject.to.empty() ? "all" : inject.to}, {"condition_met_s", border::in_seconds(met_at)}, {"text", inject.text.en}, {"text_es", inject.text.es}, {"apply", inject.apply}});
  std::string text;
  const bool shown = inject.to.empty() || team_ == nullptr || team_->name == inject.to;
  if (shown) {
    text += "\n*** " + format_msg(tr(N_("INJECT {} ({}, to {})")), inject.id, when(met_at), inject.to.empty() ? tr(N_("everyone")) : inject.to) + " ***\n";
    text += inject.text.in(options_.catalog.language()) + "\n";
  }
  for (const std::string& order : inject.apply) {
    const std::string result = give(split_words(order), Authority{}, false);
    if (shown) text += "  " + result;
  }
  return text + (shown ? "\n" : "");
}

std::string Session::units() const {
  const border::CompiledScenario& s = *compiled_;
  std::string text;
  for (std::size_t u = 0; u < s.units.size(); ++u) {
    const border::PatrolUnit& unit = s.units[u];
    const border::SectorParams& sector = s.sectors[static_cast<std::size_t>(unit.sector)];
    if (!sees_country(sector.country)) continue;
    const auto where = replication_->country(sector.country).unit_whereabouts(static_cast<int>(u), now());
    std::string place;
    if (where.edge >= 0) place = edge_id(s, static_cast<std::size_t>(where.edge));
    switch (where.duty) {
      case border::PatrolRoster::Duty::posted: place = format_msg(tr(N_("on post {}")), place); break;
      case border::PatrolRoster::Duty::in_transit: place = format_msg(tr(N_("moving to {}")), place); break;
      case border::PatrolRoster::Duty::off_duty: place = tr(N_("off duty")); break;
    }
    text += fmt::format("  {:<18} {:<4} {:<16} {}\n", unit.name, s.countries[static_cast<std::size_t>(sector.country)].id, sector.id, place);
  }
  if (text.empty()) return tr(N_("no patrol units")) + "\n";
  return format_msg(tr(N_("Patrol units at {}:")), when(now())) + "\n" + text;
}

std::string Session::orders_given() const {
  std::string text;
  for (const Given& g : given_) text += fmt::format("  {:<10} {:<12} {}\n", when(g.at), g.order.team, g.order.text);
  for (const Given& g : pending_) text += fmt::format("  {:<10} {:<12} {} ({})\n", when(g.at), g.order.team, g.order.text, tr(N_("pending")));
  return text.empty() ? tr(N_("no orders yet")) + "\n" : text;
}

std::string Session::history() const {
  std::string text;
  for (std::size_t i = 0; i < history_.size(); ++i) text += fmt::format("  {:>3}  {:<10} {}\n", i + 1, when(history_[i].first), history_[i].second);
  return text;
}

std::string Session::status() const {
  const border::CompiledScenario& s = *compiled_;
  std::string text = format_msg(tr(N_("Situation at {}")), when(now())) + "\n";
  for (std::size_t c = 0; c < s.countries.size(); ++c) {
    if (!sees_country(static_cast<int>(c))) continue;
    border::CountryLp& lp = replication_->country(static_cast<int>(c));
    const border::SituationTally& t = lp.tally();
    text += format_msg(tr(N_("{} ({}): officers on the line {:.0f}%, trained and using the methods {:.0f}%")),
                       s.scenario().countries.at(s.countries[c].id).name, s.countries[c].id, 100 * lp.officers_on_the_line(),
                       100 * lp.skill(now())) + "\n";
    text += "  " + format_msg(tr(N_("shipments detected by patrols {}, found at checkpoints {}; seized {} ({:.0f} kg); escaped across the line {}")),
                              t.patrol_detections, t.checkpoint_finds, t.seizures, t.seized_kg, t.escapes) + "\n";
    text += "  " + format_msg(tr(N_("bribes taken {}; violent incidents {} ({} deaths); delivered into {}: {} shipments, {:.0f} kg")),
                              t.bribes, t.violent_incidents, t.deaths, s.countries[c].id, t.deliveries, t.delivered_kg) + "\n";
    for (std::size_t k = 0; k < s.sectors.size(); ++k) {
      if (s.sectors[k].country != static_cast<int>(c)) continue;
      text += "  " + format_msg(tr(N_("sector {}: {} units; detections {}, seizures {}")), s.sectors[k].id, s.sectors[k].units.size(),
                                t.detections_in[k], t.seizures_in[k]) + "\n";
    }
    for (std::size_t k = 0; k < s.checkpoints.size(); ++k) {
      if (s.checkpoints[k].country != static_cast<int>(c)) continue;
      const border::CheckpointLp& at = replication_->checkpoint(static_cast<int>(k));
      const double mean_wait = at.vehicles_served() > 0 ? at.wait_hours() / static_cast<double>(at.vehicles_served()) * 60.0 : 0.0;
      text += "  " + format_msg(tr(N_("checkpoint {}: {} lanes, inspects {:.0f}%; {} vehicles in line now; {} served, mean wait {:.1f} min")),
                                s.checkpoints[k].node_id, at.lanes_open(), 100 * at.inspection_probability(),
                                at.vehicles_waiting(now()), at.vehicles_served(), mean_wait) + "\n";
    }
    // The crossings on the country's side of the line and those leading into it from a neighbour.
    std::string crossings;
    for (border::NodeIndex n : s.crossings) {
      bool ours = s.node_country[n] == static_cast<int>(c);
      for (std::size_t a = 0; a < s.graph().arc_count() && !ours; ++a) {
        const border::Arc& arc = s.graph().arc(static_cast<border::ArcIndex>(a));
        ours = arc.from == n && s.node_country[arc.to] == static_cast<int>(c);
      }
      const double kg = replication_->country(s.node_country[n]).tally().kg_through[n];
      if (ours && kg > 0) crossings += fmt::format("{}{} {:.0f} kg", crossings.empty() ? "" : ", ", s.graph().node(n).id, kg);
    }
    text += "  " + format_msg(tr(N_("kg through its crossings: {}")), crossings.empty() ? "-" : crossings) + "\n";
    std::string partners;
    for (std::size_t p = 0; p < s.countries.size(); ++p)
      if (p != c && lp.shares_with(static_cast<int>(p))) partners += (partners.empty() ? "" : ", ") + s.countries[p].id;
    if (!partners.empty()) text += "  " + format_msg(tr(N_("sends seizure reports to: {}")), partners) + "\n";
  }
  if (!pending_.empty()) text += format_msg(tr(N_("{} orders wait for the clock to move (undo takes back the last)")), pending_.size()) + "\n";
  return text;
}

std::vector<border::SituationTally> Session::tallies() const {
  std::vector<border::SituationTally> all;
  for (std::size_t c = 0; c < compiled_->countries.size(); ++c) all.push_back(replication_->country(static_cast<int>(c)).tally());
  return all;
}

std::string Session::since(const std::vector<border::SituationTally>& before) const {
  std::string text;
  for (std::size_t c = 0; c < compiled_->countries.size(); ++c) {
    if (!sees_country(static_cast<int>(c))) continue;
    const border::SituationTally& a = before[c];
    const border::SituationTally& b = replication_->country(static_cast<int>(c)).tally();
    text += "  " + format_msg(tr(N_("{}: seized {} shipments ({:.0f} kg), bribes {}, violent incidents {}, delivered {} shipments ({:.0f} kg)")),
                              compiled_->countries[c].id, b.seizures - a.seizures, b.seized_kg - a.seized_kg, b.bribes - a.bribes,
                              b.violent_incidents - a.violent_incidents, b.deliveries - a.deliveries, b.delivered_kg - a.delivered_kg) + "\n";
  }
  return text;
}

nlohmann::json Session::outcome() const { return outcome_record(*compiled_, *replication_); }

std::string Session::map(const std::vector<std::string>& words) const {
  // One country (of those the player sees), or all of them.
  int only = -1;
  if (words.size() > 2) return tr(N_("usage: map, or map COUNTRY (a country id)")) + "\n";
  if (words.size() == 2) {
    only = compiled_->country_index(words[1]);
    if (only < 0 || !sees_country(only)) {
      std::string ids;
      for (std::size_t c = 0; c < compiled_->countries.size(); ++c)
        if (sees_country(static_cast<int>(c))) ids += (ids.empty() ? "" : ", ") + compiled_->countries[c].id;
      return format_msg(tr(N_("no country '{}' on your map; the countries are: {}")), words[1], ids) + "\n";
    }
  }
  return map_view(*compiled_, *replication_, now(), [this, only](int c) { return sees_country(c) && (only < 0 || c == only); },
                  format_msg(tr(N_("Map at {} (seized and escaped: on the legs from a crossing, kg in brackets)")), when(now())), options_.catalog);
}

nlohmann::json Session::after_action() const {
  // The orders injects applied belong to the exercise's world: every replay has them (as the
  // no_orders policy of --orders-out does). The players' orders are left out: all of them, or
  // one team's. The facilitator's orders are credited to the team whose forces they concern.
  nlohmann::json orders = nlohmann::json::array();
  std::vector<std::string> givers, teams;
  for (const Given& g : given_) {
    std::string team = g.order.team;
    if (!g.by_inject && team_ == nullptr) {
      const std::string concerned = team_concerned(exercise_, *compiled_, g.order.events);
      if (!concerned.empty()) team = concerned;
    }
    teams.push_back(g.by_inject ? "" : team);
    orders.push_back({{"time_s", border::in_seconds(g.at)}, {"day", border::in_days(g.at)}, {"team", g.order.team}, {"for_team", team},
                      {"text", g.order.text}, {"summary", g.order.summary}, {"by_inject", g.by_inject}});
    if (!g.by_inject && std::find(givers.begin(), givers.end(), team) == givers.end()) givers.push_back(team);
  }
  const auto without = [&](const std::string& who) {
    std::vector<TimedOrderEvents> kept;
    for (std::size_t i = 0; i < given_.size(); ++i)
      if (given_[i].by_inject || (!who.empty() && teams[i] != who)) kept.push_back({given_[i].at, &given_[i].order.events});
    return replay_record(*compiled_, options_.replication, now(), kept);
  };
  nlohmann::json by_giver = nlohmann::json::object();
  for (const std::string& who : givers) by_giver[who] = without(who);
  return {{"orders_in_force", orders}, {"nodes", node_fates_record(*compiled_, *replication_)}, {"counterfactual", without("")},
          {"without", by_giver}};
}

std::vector<Session::PlayedOrder> Session::orders_in_force() const {
  std::vector<PlayedOrder> orders;
  for (const Given& g : given_) orders.push_back({{border::in_days(g.at), g.order.text}, g.by_inject});
  return orders;
}

std::string Session::close() {
  if (closed_) return "";
  closed_ = true;
  nlohmann::json end = {{"orders", given_.size()}, {"outcome", outcome()}};
  if (options_.log != nullptr) end.update(after_action());
  log("end", end);
  return format_msg(tr(N_("The exercise ends at {}.")), when(now())) + "\n";
}

}  // namespace bstp::tabletop
