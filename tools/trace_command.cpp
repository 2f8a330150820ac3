// `bstp trace SCENARIO --policy P --replication R --out trace.csv`: the shipment-by-shipment
// events of one replication, as the kernel's observer sees them (docs/tabletop.md, "Tracing a
// run"). The model is not changed: the trace is read off the committed events.
#include "command.hpp"
#include "option_checks.hpp"

#include <border/border_model.hpp>
#include <border/compiled_scenario.hpp>
#include <border/events.hpp>
#include <border/scenario_loader.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <limits>
#include <memory>

#include <fmt/format.h>

namespace bstp::tools {
namespace {

struct TraceOptions {
  std::string scenario, policy, out;
  std::uint64_t replication = 0;
  std::uint64_t seed = 0;
  bool seed_given = false;
  bool force = false;
};

std::string edge_of(const border::CompiledScenario& s, border::ArcIndex a) {
  const border::Edge& e = s.scenario().edges[s.graph().arc(a).edge];
  return e.id.empty() ? e.from + "-" + e.to : e.id;
}

// One row per step of a shipment: it reaches a node (from the organisation or another country, or
// along a leg watched by the receiving country's patrols), it leaves a checkpoint's lane (found or
// not), and its fate (delivered or seized, at the time it happened: the report's time less the
// organisation's reporting delay).
class TraceWriter {
 public:
  TraceWriter(const border::CompiledScenario& s, std::ostream& out) : s_(s), out_(out) {
    out_ << "time_s,day,event,shipment,organisation,country,node,next_leg,kg,found_at_checkpoint,fate,lost_on_leg,bribed_on_legs,"
            "detected_by,detected_at,violent_incidents\n";
  }
  void operator()(const CommittedEvent& e) {
    if (const auto* a = e.as<border::ShipmentArrives>()) arrival(e, a->cargo, "arrives");
    else if (const auto* w = e.as<border::ShipmentArrivesFromWatchedLeg>()) arrival(e, w->cargo, "arrives_past_patrols");
    else if (const auto* c = e.as<border::ShipmentClearsCheckpoint>()) arrival(e, c->cargo, "leaves_checkpoint");
    else if (const auto* r = e.as<border::ShipmentReported>()) fate(e, *r);
  }

 private:
  void arrival(const CommittedEvent& e, const border::Cargo& cargo, const char* what) {
    const bool done = cargo.leg >= cargo.legs;
    const border::Arc& arc = s_.graph().arc(cargo.route[done ? cargo.legs - 1 : cargo.leg]);
    const border::NodeIndex node = done ? arc.to : arc.from;
    out_ << fmt::format("{:.3f},{:.6f},{},{},{},{},{},{},{:.3f},{},,,", border::in_seconds(e.time), border::in_days(e.time), what,
                        cargo.shipment, s_.organisations[cargo.organisation].id, s_.countries[static_cast<std::size_t>(s_.node_country[node])].id,
                        s_.graph().node(node).id, done ? "" : edge_of(s_, cargo.route[cargo.leg]), cargo.kg,
                        cargo.found_at_checkpoint ? 1 : 0)
         << detection(cargo.detected_by, cargo.detected_at, cargo.violent_incidents) << '\n';
  }
  void fate(const CommittedEvent& e, const border::ShipmentReported& r) {
    const int o = static_cast<int>(r.shipment >> 40);
    const Time at = e.time - s_.organisations[static_cast<std::size_t>(o)].reporting_delay;
    std::string bribed;
    for (std::size_t h = 0; h < r.legs && h < 32; ++h)
      if ((r.bribed_legs >> h) & 1u) bribed += (bribed.empty() ? "" : ";") + edge_of(s_, r.route[h]);
    const bool seized = r.fate == border::Fate::seized;
    const border::Arc& last = s_.graph().arc(r.route[seized ? r.lost_on_leg : r.legs - 1]);
    const border::NodeIndex node = seized ? last.from : last.to;
    out_ << fmt::format("{:.3f},{:.6f},{},{},{},{},{},,{:.3f},,{},{},{}", border::in_seconds(at), border::in_days(at), seized ? "seized" : "delivered",
                        r.shipment, s_.organisations[static_cast<std::size_t>(o)].id,
                        s_.countries[static_cast<std::size_t>(s_.node_country[node])].id, s_.graph().node(node).id, r.kg,
                        seized ? "seized" : "delivered", seized ? edge_of(s_, r.route[r.lost_on_leg]) : "", bribed)
         << detection(r.detected_by, r.detected_at, r.violent_incidents) << '\n';
  }
  // ",COUNTRY,WHO,N": who last detected the shipment in this attempt (a unit's name, a checkpoint's
  // node, or "officers" for a country's officers at large) and its violent incidents so far.
  std::string detection(std::uint8_t by, std::uint16_t at, std::uint8_t violent) const {
    std::string who;
    if (at == 1) who = "officers";
    else if (at == 0xFFFF) who = "?";
    else if (at >= 2) {
      const int post = at - 2;
      const auto units = static_cast<int>(s_.units.size());
      who = post < units ? s_.units[static_cast<std::size_t>(post)].name : s_.checkpoints[static_cast<std::size_t>(post - units)].node_id;
    }
    return fmt::format(",{},{},{}", by > 0 ? s_.countries[by - 1u].id : std::string(), who, violent);
  }
  const border::CompiledScenario& s_;
  std::ostream& out_;
};

int run_trace(const TraceOptions& o) {
  if (std::filesystem::exists(o.out) && !o.force) throw UsageError(fmt::format("{} exists; pass --force to overwrite it", o.out));
  const border::ScenarioDocument doc = border::ScenarioDocument::from_file(o.scenario);
  std::vector<border::Override> overrides;
  if (o.seed_given) overrides.emplace_back("scenario.seed", std::to_string(o.seed));
  const border::CompiledScenario scenario(doc.resolve(o.policy, overrides));
  std::ofstream out(o.out, std::ios::trunc);
  if (!out) throw UsageError(fmt::format("--out {}: cannot write the file", o.out));
  TraceWriter writer(scenario, out);
  border::Replication replication(scenario, o.replication, 1);
  replication.simulation().set_observer([&writer](const CommittedEvent& e) { writer(e); });
  replication.finish();
  out.close();
  if (!out) throw std::runtime_error(fmt::format("writing {} failed", o.out));
  std::cout << fmt::format("Trace of {} (policy {}, replication {}) written to {}\n", scenario.scenario().name,
                           o.policy.empty() ? "base" : o.policy, o.replication, o.out);
  return kExitOk;
}

}  // namespace

void add_trace_command(Program& program) {
  auto o = std::make_shared<TraceOptions>();
  CLI::App* cmd = program.app.add_subcommand("trace", "Write the shipment-by-shipment events of one replication to CSV");
  cmd->description(
      "Write the shipment-by-shipment events of one replication to a CSV file: each shipment reaching\n"
      "a node, leaving a checkpoint (found or not), and its fate (delivered or seized, where, and the\n"
      "legs on which it paid a bribe). Columns are described in docs/tabletop.md, \"Tracing a run\".\n\n"
      "Examples:\n"
      "  bstp trace scenarios/tutorial.yaml --out trace.csv\n"
      "  bstp trace scenarios/bstp-region.yaml --policy coordinated --replication 3 --out coordinated3.csv");
  cmd->add_option("scenario", o->scenario, "Scenario YAML file")->required()->check(CLI::ExistingFile);
  cmd->add_option("--policy", o->policy, "Policy to run (default: the base scenario)");
  cmd->add_option("--replication", o->replication, "Which replication, from 0 (default 0)")->check(whole_number(0, 1'000'000));
  cmd->add_option("--seed", o->seed, "Master seed, 0 to 2^64 - 1 (default: the scenario's)")
      ->check(whole_number(0, std::numeric_limits<std::uint64_t>::max()))
      ->each([o](const std::string&) { o->seed_given = true; });
  cmd->add_option("--out", o->out, "The CSV file to write")->required();
  cmd->add_flag("--force", o->force, "Overwrite --out if it exists");
  program.actions[cmd] = [o] { return run_trace(*o); };
}

}  // namespace bstp::tools
