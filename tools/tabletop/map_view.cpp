#include "map_view.hpp"

#include "orders.hpp"

#include <border/checkpoint_lp.hpp>
#include <border/country_lp.hpp>

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

namespace bstp::tabletop {
namespace {

std::string format_msg(const std::string& message, auto&&... args) {
  return fmt::format(fmt::runtime(message), std::forward<decltype(args)>(args)...);
}

std::string kind_words(border::NodeKind kind, const Catalog& tr) {
  switch (kind) {
    case border::NodeKind::port_of_entry:
      return tr(N_("port of entry"));
    case border::NodeKind::blind_crossing:
      return tr(N_("blind crossing"));
    case border::NodeKind::hub:
      return tr(N_("hub"));
    case border::NodeKind::town:
      return tr(N_("town"));
    case border::NodeKind::airstrip:
      return tr(N_("airstrip"));
    case border::NodeKind::landing:
      return tr(N_("landing"));
  }
  return "";
}

// The text cut to `width` characters (not bytes), so that the columns line up in any language.
std::string cut(const std::string& text, std::size_t width) {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (++chars > width) return text.substr(0, i);
  }
  return text;
}

std::size_t chars(const std::string& text) {
  std::size_t n = 0;
  for (char ch : text) n += (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
  return n;
}

// A left-aligned column of `width` characters, the last one a blank (fmt pads by bytes in some
// versions).
std::string column(const std::string& text, std::size_t width) {
  const std::string shown = cut(text, width - 1);
  return shown + std::string(width > chars(shown) ? width - chars(shown) : 0, ' ');
}

std::string right(const std::string& text, std::size_t width) {
  return std::string(width > chars(text) ? width - chars(text) : 0, ' ') + text;
}

}  // namespace

std::string map_view(const border::CompiledScenario& s, border::Replication& replication, Time now,
                     const std::function<bool(int)>& sees_country, const std::string& heading, const Catalog& tr) {
  const border::BorderGraph& graph = s.graph();
  std::string text = heading + "\n";
  // Units on post now, per sector and per edge, in the countries the player sees.
  std::vector<int> posted_in(s.sectors.size(), 0), posted_on_edge(s.scenario().edges.size(), 0);
  for (std::size_t u = 0; u < s.units.size(); ++u) {
    const int country = s.sectors[static_cast<std::size_t>(s.units[u].sector)].country;
    if (!sees_country(country)) continue;
    const auto where = replication.country(country).unit_whereabouts(static_cast<int>(u), now);
    if (where.duty != border::PatrolRoster::Duty::posted) continue;
    posted_in[static_cast<std::size_t>(s.units[u].sector)] += 1;
    if (where.edge >= 0) posted_on_edge[static_cast<std::size_t>(where.edge)] += 1;
  }
  for (std::size_t c = 0; c < s.countries.size(); ++c) {
    const int country = static_cast<int>(c);
    if (!sees_country(country)) continue;
    border::CountryLp& lp = replication.country(country);
    const border::SituationTally& t = lp.tally();
    text += fmt::format("{}  {}\n", s.countries[c].id, s.scenario().countries.at(s.countries[c].id).name);

    // Sectors: units on post now of all the sector's, detections and seizures on its legs.
    bool any_sector = false;
    for (std::size_t k = 0; k < s.sectors.size(); ++k) {
      if (s.sectors[k].country != country) continue;
      if (!any_sector)
        text += "  " + column(tr(N_("sector")), 24) + column(tr(N_("on post")), 11) + column(tr(N_("detections")), 13) +
                tr(N_("seizures")) + "\n";
      any_sector = true;
      text += "  " + column(s.sectors[k].id, 24) +
              column(fmt::format("{}/{}", posted_in[k], s.sectors[k].units.size()), 11) +
              column(fmt::format("{}", t.detections_in[k]), 13) + fmt::format("{}", t.seizures_in[k]) + "\n";
    }

    // Crossings on this side of the line or leading into it (as status lists them). Kg through
    // as the crossing's country counts it; seized and escaped as the countries the player sees do.
    std::vector<std::pair<border::NodeIndex, std::string>> crossings;
    for (border::NodeIndex n : s.crossings) {
      bool ours = s.node_country[n] == country;
      for (std::size_t a = 0; a < graph.arc_count() && !ours; ++a) {
        const border::Arc& arc = graph.arc(static_cast<border::ArcIndex>(a));
        ours = arc.from == n && s.node_country[arc.to] == country;
      }
      const int owner = s.node_country[n];
      if (ours)
        crossings.emplace_back(
            n,
            graph.node(n).id + (owner == country ? "" : " (" + s.countries[static_cast<std::size_t>(owner)].id + ")"));
    }
    // The crossings' names as wide as the longest (ids of up to 30 characters and a country).
    std::size_t name_width = 16;
    for (const auto& [n, name] : crossings)
      name_width = std::max(name_width, std::min<std::size_t>(chars(name) + 2, 36));
    if (!crossings.empty())
      text += "  " + column(tr(N_("crossing")), name_width) + right(tr(N_("kg through")), 10) + "  " +
              column(tr(N_("seized (kg)")), 15) + column(tr(N_("escaped")), 8) + tr(N_("checkpoint")) + "\n";
    for (const auto& [n, name] : crossings) {
      std::uint64_t seized = 0, escaped = 0;
      double seized_kg = 0.0;
      for (std::size_t o = 0; o < s.countries.size(); ++o) {
        if (!sees_country(static_cast<int>(o))) continue;
        const border::SituationTally& other = replication.country(static_cast<int>(o)).tally();
        seized += other.fates_at[n].seized, escaped += other.fates_at[n].escaped, seized_kg += other.seized_kg_at[n];
      }
      const int owner = s.node_country[n];
      const double kg = replication.country(owner).tally().kg_through[n];
      // The checkpoint's lanes and inspection; a crossing without one, its kind.
      std::string checkpoint = "(" + kind_words(graph.node(n).kind, tr) + ")";
      if (const int k = s.checkpoint_at_node[n]; k >= 0) {
        const border::CheckpointLp& at = replication.checkpoint(k);
        checkpoint = format_msg(tr(N_("{} lanes, inspects {:.0f}%")), at.lanes_open(), 100 * at.inspection_probability());
      }
      text += "  " + column(name, name_width) + fmt::format("{:>10.0f}", kg) + "  " +
              column(fmt::format("{} ({:.0f})", seized, seized_kg), 15) + column(fmt::format("{}", escaped), 8) +
              checkpoint + "\n";
    }

    // Seams: the legs across the line to or from each neighbour, who watches them, units on post.
    std::map<int, std::vector<std::string>> seams;
    std::set<std::size_t> seen_edges;
    for (std::size_t a = 0; a < graph.arc_count(); ++a) {
      const border::ArcIndex arc_index = static_cast<border::ArcIndex>(a);
      const border::Arc& arc = graph.arc(arc_index);
      if (!s.is_seam(arc_index) || !seen_edges.insert(arc.edge).second) continue;
      const int from = s.node_country[arc.from], to = s.node_country[arc.to];
      if (from != country && to != country) continue;
      std::string watch;
      if (arc.sector >= 0) {
        const border::SectorParams& sector = s.sectors[static_cast<std::size_t>(arc.sector)];
        const int on_post = posted_on_edge[arc.edge];
        watch = on_post > 0 ? format_msg(tr(N_("{}, {} on post")), sector.id, on_post) : sector.id;
      } else {
        watch = tr(N_("not watched"));
      }
      seams[from == country ? to : from].push_back(fmt::format("{} [{}]", edge_id(s, arc.edge), watch));
    }
    for (const auto& [neighbour, legs] : seams) {
      // One line per leg after the first, indented under it: the names are long.
      std::string lead =
          "  " + format_msg(tr(N_("seam with {}:")), s.countries[static_cast<std::size_t>(neighbour)].id) + " ";
      const std::string indent(chars(lead), ' ');
      for (std::size_t i = 0; i < legs.size(); ++i) text += (i == 0 ? lead : indent) + legs[i] + "\n";
    }
  }
  return text;
}

}  // namespace bstp::tabletop
