#include "order_language.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <sstream>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

namespace bstp::border {
namespace {

struct Word {
  const char* word;
  const char* usage;
  const char* what;
};
// Each order: its word, its arguments and what it does (docs/tabletop.md has the same table).
constexpr Word kOrders[] = {
    {"post", "post UNIT LEG", N_("post a unit on a leg (edge id) of one of its country's sectors, shift after shift")},
    {"withdraw", "withdraw UNIT", N_("take a unit off the line")},
    {"release", "release UNIT", N_("send a unit back to its sector's placement")},
    {"placement", "placement SECTOR fixed|random|rotation|targeted", N_("change how a sector's units choose their posts")},
    {"lanes", "lanes CHECKPOINT N", N_("open or close checkpoint lanes (N lanes open)")},
    {"inspection", "inspection CHECKPOINT P", N_("set the probability of a primary inspection at a checkpoint")},
    {"share-intel", "share-intel FROM TO", N_("start sending seizure reports from one country to a neighbour")},
    {"joint-patrol", "joint-patrol SECTOR SECTOR", N_("patrol a seam jointly with the sector across it")},
    {"hot-pursuit", "hot-pursuit COUNTRY COUNTRY", N_("let officers of two countries follow a shipment across their line")},
    {"train", "train PROGRAM COUNTRY SEATS WEEKS", N_("send officers of a country to a training programme's course, starting now")},
    {"observe", "observe COUNTRY|SECTOR DAYS", N_("send an observer team to watch a country's (or a sector's) officers at work")},
    {"close-leg", "close-leg LEG", N_("close a leg (edge id) to every shipment: a flood, a landslide, a road block")},
    {"open-leg", "open-leg LEG", N_("open a closed leg again")},
};

std::string fmt_msg(const Translate& tr, const char* message, auto&&... args) {
  return fmt::format(fmt::runtime(tr(message)), std::forward<decltype(args)>(args)...);
}

std::string usage_of(const std::string& word) {
  for (const Word& w : kOrders)
    if (word == w.word) return w.usage;
  return "";
}

int find_unit(const CompiledScenario& s, const std::string& name) {
  for (std::size_t u = 0; u < s.units.size(); ++u)
    if (s.units[u].name == name) return static_cast<int>(u);
  return -1;
}
int find_sector(const CompiledScenario& s, const std::string& id) {
  for (std::size_t i = 0; i < s.sectors.size(); ++i)
    if (s.sectors[i].id == id) return static_cast<int>(i);
  return -1;
}
int find_checkpoint(const CompiledScenario& s, const std::string& id) {
  for (std::size_t i = 0; i < s.checkpoints.size(); ++i)
    if (s.checkpoints[i].node_id == id) return static_cast<int>(i);
  return -1;
}
int find_edge(const CompiledScenario& s, const std::string& id) {
  for (std::size_t e = 0; e < s.scenario().edges.size(); ++e)
    if (edge_id(s, e) == id) return static_cast<int>(e);
  return -1;
}

template <class F>
std::string list_of(std::size_t n, F name) {
  std::string list;
  for (std::size_t i = 0; i < n; ++i) list += (i ? ", " : "") + name(i);
  return list;
}

std::string units_list(const CompiledScenario& s, const OrderAuthority& who) {
  std::string list;
  for (std::size_t u = 0; u < s.units.size(); ++u)
    if (who.commands_sector(s, s.units[u].sector)) list += (list.empty() ? "" : ", ") + s.units[u].name;
  return list.empty() ? "-" : list;
}

std::string join_problems(const std::vector<std::string>& problems) {
  std::string text;
  for (const std::string& p : problems) text += (text.empty() ? "" : "; ") + p;
  return text;
}

OrderArrives event(OrderKind kind, int subject, int target = -1, double v0 = 0, double v1 = 0, double v2 = 0) {
  OrderArrives e;
  e.kind = kind;
  e.subject = static_cast<std::uint16_t>(subject);
  e.target = target;
  e.value[0] = v0;
  e.value[1] = v1;
  e.value[2] = v2;
  return e;
}

}  // namespace

std::string edge_id(const CompiledScenario& scenario, std::size_t e) {
  const Edge& edge = scenario.scenario().edges[e];
  return edge.id.empty() ? edge.from + "-" + edge.to : edge.id;
}

double plain_number(const std::string& word) {
  const char* begin = word.c_str();
  char* end = nullptr;
  const double v = std::strtod(begin, &end);
  return end != begin && *end == '\0' ? v : std::nan("");
}

std::vector<std::string> order_words(const std::string& line) {
  std::vector<std::string> words;
  std::istringstream in(line);
  for (std::string w; in >> w;) words.push_back(w);
  return words;
}

std::vector<std::string> order_word_names() {
  std::vector<std::string> names;
  for (const Word& w : kOrders) names.emplace_back(w.word);
  return names;
}

bool is_order_word(const std::string& word) {
  return std::any_of(std::begin(kOrders), std::end(kOrders), [&](const Word& w) { return word == w.word; });
}

std::string order_help(const Translate& tr) {
  std::string text;
  for (const Word& w : kOrders) text += fmt::format("  {:<50} {}\n", w.usage, tr(w.what));
  return text;
}

std::variant<Order, std::string> parse_order(const std::vector<std::string>& words, const CompiledScenario& s,
                                             const OrderAuthority& who, const PatchCheck& patched, const Translate& tr) {
  const std::string& word = words.front();
  const std::string usage = usage_of(word);
  const auto wanted = static_cast<std::size_t>(std::count(usage.begin(), usage.end(), ' '));
  if (words.size() != wanted + 1) return fmt_msg(tr, N_("usage: {}"), usage);
  Order order;
  order.team = who.name();
  for (const std::string& w : words) order.text += (order.text.empty() ? "" : " ") + w;
  const std::string not_yours = tr(N_("is not among the forces of team {} (its forces: {})"));
  auto refuse = [&](const std::string& what) {
    return fmt::format("{} {}", what, fmt::format(fmt::runtime(not_yours), who.name(), who.forces(tr)));
  };

  if (word == "post" || word == "withdraw" || word == "release") {
    const int u = find_unit(s, words[1]);
    if (u < 0) return fmt_msg(tr, N_("unknown unit '{}'; your units are: {}"), words[1], units_list(s, who));
    const PatrolUnit& unit = s.units[static_cast<std::size_t>(u)];
    if (!who.commands_sector(s, unit.sector)) return refuse(fmt_msg(tr, N_("unit {} (sector {})"), unit.name, s.sectors[static_cast<std::size_t>(unit.sector)].id));
    const int country = s.sectors[static_cast<std::size_t>(unit.sector)].country;
    if (word == "withdraw") {
      order.events.emplace_back(country, event(OrderKind::withdraw_unit, u));
      order.summary = fmt_msg(tr, N_("{} comes off the line"), unit.name);
    } else if (word == "release") {
      order.events.emplace_back(country, event(OrderKind::release_unit, u));
      order.summary = fmt_msg(tr, N_("{} goes back to the placement of sector {}"), unit.name, s.sectors[static_cast<std::size_t>(unit.sector)].id);
    } else {
      const int e = find_edge(s, words[2]);
      std::string posts;
      for (const SectorParams& sector : s.sectors)
        if (sector.country == country)
          for (std::size_t p : sector.posts) posts += (posts.empty() ? "" : ", ") + edge_id(s, p);
      int host = -1;
      for (std::size_t i = 0; e >= 0 && i < s.sectors.size(); ++i)
        if (s.sectors[i].country == country &&
            std::find(s.sectors[i].posts.begin(), s.sectors[i].posts.end(), static_cast<std::size_t>(e)) != s.sectors[i].posts.end())
          host = static_cast<int>(i);
      if (host < 0) return fmt_msg(tr, N_("'{}' is not a post of a sector of {}; its posts (leg ids) are: {}"), words[2], s.countries[static_cast<std::size_t>(country)].id, posts);
      order.events.emplace_back(country, event(OrderKind::post_unit, u, e));
      order.summary = fmt_msg(tr, N_("{} takes post on {} (sector {}) from its next shift"), unit.name, words[2], s.sectors[static_cast<std::size_t>(host)].id);
    }
    return order;
  }
  if (word == "placement") {
    const int sector = find_sector(s, words[1]);
    if (sector < 0) return fmt_msg(tr, N_("unknown sector '{}'; the sectors are: {}"), words[1], list_of(s.sectors.size(), [&](std::size_t i) { return s.sectors[i].id; }));
    if (!who.commands_sector(s, sector)) return refuse(fmt_msg(tr, N_("sector {}"), words[1]));
    order.overrides.emplace_back(fmt::format("sectors.{}.placement", words[1]), words[2]);
    if (auto problems = patched(order.overrides); !problems.empty()) return join_problems(problems);
    const Placement p = words[2] == "fixed" ? Placement::fixed : words[2] == "rotation" ? Placement::rotation
                                : words[2] == "targeted" ? Placement::targeted : Placement::random;
    order.events.emplace_back(s.sectors[static_cast<std::size_t>(sector)].country, event(OrderKind::placement, sector, static_cast<int>(p)));
    order.summary = fmt_msg(tr, N_("sector {} places its units by {} from each unit's next shift"), words[1], words[2]);
    return order;
  }
  if (word == "lanes" || word == "inspection") {
    const int c = find_checkpoint(s, words[1]);
    if (c < 0) return fmt_msg(tr, N_("unknown checkpoint '{}'; the checkpoints are: {}"), words[1], list_of(s.checkpoints.size(), [&](std::size_t i) { return s.checkpoints[i].node_id; }));
    if (!who.commands_checkpoint(s, c)) return refuse(fmt_msg(tr, N_("checkpoint {}"), words[1]));
    const std::string key = word == "lanes" ? "lanes" : "inspection_probability";
    order.overrides.emplace_back(fmt::format("checkpoints.{}.{}", words[1], key), words[2]);
    if (auto problems = patched(order.overrides); !problems.empty()) return join_problems(problems);
    const int country = s.checkpoints[static_cast<std::size_t>(c)].country;
    if (word == "lanes") {
      const int lanes = YAML::Load(words[2]).as<int>();
      order.events.emplace_back(country, event(OrderKind::lanes, c, lanes));
      order.summary = fmt_msg(tr, N_("checkpoint {} works with {} lanes open"), words[1], lanes);
    } else {
      const double p = YAML::Load(words[2]).as<double>();
      order.events.emplace_back(country, event(OrderKind::inspection, c, -1, p));
      order.summary = fmt_msg(tr, N_("checkpoint {} inspects {:.0f}% of vehicles"), words[1], 100 * p);
    }
    return order;
  }
  if (word == "share-intel" || word == "hot-pursuit") {
    const int a = s.country_index(words[1]), b = s.country_index(words[2]);
    const std::string countries = list_of(s.countries.size(), [&](std::size_t i) { return s.countries[i].id; });
    if (a < 0 || b < 0) return fmt_msg(tr, N_("unknown country '{}'; the countries are: {}"), a < 0 ? words[1] : words[2], countries);
    if (a == b) return tr(N_("name two different countries"));
    bool neighbours = false;
    for (std::size_t arc = 0; arc < s.graph().arc_count(); ++arc) {
      const auto& x = s.graph().arc(static_cast<ArcIndex>(arc));
      const int from = s.node_country[x.from], to = s.node_country[x.to];
      neighbours = neighbours || (from == a && to == b) || (from == b && to == a);
    }
    if (!neighbours) return fmt_msg(tr, N_("{} and {} share no leg across their line"), words[1], words[2]);
    if (word == "share-intel") {
      if (!who.commands_country(s, a)) return refuse(fmt_msg(tr, N_("sharing {}'s reports"), words[1]));
      // The terms of an agreement between the two in the scenario, else the format's defaults.
      InformationSharing terms;
      for (const InformationSharing& i : s.scenario().coordination.information_sharing)
        if ((i.a == words[1] && i.b == words[2]) || (i.a == words[2] && i.b == words[1])) terms = i;
      order.events.emplace_back(a, event(OrderKind::share_intelligence, b, -1, terms.delay_days, terms.alert_days, terms.alert_detection_boost));
      order.summary = fmt_msg(tr, N_("{} sends its seizure reports on the seam to {} (after {} days; {}'s patrols there stay alerted {} days)"),
                              words[1], words[2], terms.delay_days, words[2], terms.alert_days);
    } else {
      if (!who.commands_country(s, a) && !who.commands_country(s, b)) return refuse(fmt_msg(tr, N_("hot pursuit between {} and {}"), words[1], words[2]));
      order.events.emplace_back(a, event(OrderKind::hot_pursuit, b));
      order.events.emplace_back(b, event(OrderKind::hot_pursuit, a));
      order.summary = fmt_msg(tr, N_("officers of {} and {} may follow a shipment across their line"), words[1], words[2]);
    }
    return order;
  }
  if (word == "joint-patrol") {
    const int a = find_sector(s, words[1]), b = find_sector(s, words[2]);
    if (a < 0 || b < 0) return fmt_msg(tr, N_("unknown sector '{}'; the sectors are: {}"), a < 0 ? words[1] : words[2], list_of(s.sectors.size(), [&](std::size_t i) { return s.sectors[i].id; }));
    const int ca = s.sectors[static_cast<std::size_t>(a)].country, cb = s.sectors[static_cast<std::size_t>(b)].country;
    if (ca == cb) return tr(N_("a joint patrol pairs sectors of two countries"));
    if (!who.commands_sector(s, a) && !who.commands_sector(s, b)) return refuse(fmt_msg(tr, N_("sectors {} and {}"), words[1], words[2]));
    order.events.emplace_back(ca, event(OrderKind::joint_patrol, a, b));
    order.events.emplace_back(cb, event(OrderKind::joint_patrol, b, a));
    order.summary = fmt_msg(tr, N_("sectors {} and {} patrol their seam jointly (no seam penalty on their legs across it)"), words[1], words[2]);
    return order;
  }
  if (word == "train") {
    const auto program = s.scenario().training.programs.find(words[1]);
    if (program == s.scenario().training.programs.end()) {
      std::string programs;
      for (const auto& [id, p] : s.scenario().training.programs) programs += (programs.empty() ? "" : ", ") + id;
      return fmt_msg(tr, N_("unknown training programme '{}'; the programmes are: {}"), words[1], programs.empty() ? "-" : programs);
    }
    const int country = s.country_index(words[2]);
    if (country < 0)
      return fmt_msg(tr, N_("unknown country '{}'; the countries are: {}"), words[2], list_of(s.countries.size(), [&](std::size_t i) { return s.countries[i].id; }));
    if (!who.commands_country(s, country)) return refuse(fmt_msg(tr, N_("the officers of {}"), words[2]));
    const auto officers = static_cast<int>(s.scenario().countries.at(words[2]).police.officers);
    const double seats = plain_number(words[3]), weeks = plain_number(words[4]);
    if (!(seats >= 1 && seats <= officers && seats == std::floor(seats)))
      return fmt_msg(tr, N_("seats: expected a whole number from 1 to {} (the officers of {}), got '{}'"), officers, words[2], words[3]);
    if (!(weeks > 0 && weeks <= 104)) return fmt_msg(tr, N_("weeks: expected a number of weeks in (0, 104], got '{}'"), words[4]);
    order.events.emplace_back(country, event(OrderKind::train_cohort, country, static_cast<int>(seats), weeks, program->second.cost_per_seat_usd));
    order.summary = fmt_msg(tr, N_("{} officers of {} go to {} for {} weeks, from now"), words[3], words[2], words[1], words[4]);
    return order;
  }
  if (word == "observe") {
    const int sector = find_sector(s, words[1]);
    const int country = sector >= 0 ? s.sectors[static_cast<std::size_t>(sector)].country : s.country_index(words[1]);
    if (country < 0)
      return fmt_msg(tr, N_("'{}' is neither a country nor a sector; the countries are: {}; the sectors: {}"), words[1],
                     list_of(s.countries.size(), [&](std::size_t i) { return s.countries[i].id; }),
                     list_of(s.sectors.size(), [&](std::size_t i) { return s.sectors[i].id; }));
    if (sector >= 0 ? !who.commands_sector(s, sector) : !who.commands_country(s, country)) return refuse(fmt_msg(tr, N_("the officers of {}"), words[1]));
    const double days = plain_number(words[2]);
    if (!(days > 0 && days <= 365)) return fmt_msg(tr, N_("days: expected a number of days in (0, 365], got '{}'"), words[2]);
    // The terms of the country's first observer team in the scenario, else the format's defaults.
    ObserverTeam terms;
    for (const ObserverTeam& t : s.scenario().training.observers)
      if (s.country_index(t.country) == country) {
        terms = t;
        break;
      }
    order.events.emplace_back(country, event(OrderKind::observe, country, sector, days, terms.method_use_boost, terms.spillover));
    order.summary = fmt_msg(tr, N_("an observer team watches the officers of {} for {} days, from now"), words[1], words[2]);
    return order;
  }
  if (word == "close-leg" || word == "open-leg") {
    const int e = find_edge(s, words[1]);
    if (e < 0) return fmt_msg(tr, N_("unknown leg '{}' (legs are edge ids such as {})"), words[1], edge_id(s, 0));
    const Edge& edge = s.scenario().edges[static_cast<std::size_t>(e)];
    const int a = s.node_country[s.graph().index_of(edge.from)], b = s.node_country[s.graph().index_of(edge.to)];
    if (!who.commands_country(s, a) && !who.commands_country(s, b)) return refuse(fmt_msg(tr, N_("the leg {}"), words[1]));
    const OrderKind kind = word == "close-leg" ? OrderKind::close_leg : OrderKind::open_leg;
    order.events.emplace_back(a, event(kind, 0, e));
    if (b != a) order.events.emplace_back(b, event(kind, 0, e));
    order.summary = word == "close-leg" ? fmt_msg(tr, N_("leg {} is closed: shipments that reach it wait or go round"), words[1])
                                        : fmt_msg(tr, N_("leg {} is open again"), words[1]);
    return order;
  }
  return fmt_msg(tr, N_("unknown order '{}'"), word);
}

}  // namespace bstp::border
