// A tabletop exercise in play: one replication of the exercise's scenario, a clock the facilitator
// moves (step, run-until), orders the teams give their forces (applied from the simulated time
// they are given, when the clock next moves; undo takes back the last one before that), injects
// that fire on a day or when a measure passes a threshold, and situation reports. Commands in,
// text out: no terminal here (tools/tabletop_command.cpp is the front end). docs/tabletop.md.
#pragma once

#include "catalog.hpp"
#include "exercise.hpp"
#include "orders.hpp"

#include <border/border_model.hpp>
#include <border/compiled_scenario.hpp>
#include <border/situation_tally.hpp>
#include <nlohmann/json.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace bstp::tabletop {

struct SessionOptions {
  std::string team;                    // "" or "facilitator": the facilitator
  std::optional<std::uint64_t> seed;   // replaces the scenario's seed
  std::uint64_t replication = 0;       // which replication of the scenario is played
  Catalog catalog;                     // the session's language
  std::ostream* log = nullptr;         // JSON lines: every order, inject and outcome (may be null)
};

class Session {
 public:
  // Throws border::ScenarioError (bad input) when the team is unknown or an inject's order is not valid.
  Session(const Exercise& exercise, SessionOptions options);
  ~Session();

  // The opening text: the exercise, its objectives, the team, how to get help.
  std::string welcome();
  // Runs one command line and returns what to show (empty lines and # comments show nothing).
  std::string execute(const std::string& line);
  // The closing text (and the log's last record); called once at the end, whatever ended it.
  std::string close();
  bool quit_requested() const { return quit_; }
  std::string prompt() const;

  // For tests and the log.
  Time now() const;
  double day() const;
  border::Replication& replication() { return *replication_; }
  const border::CompiledScenario& scenario() const { return *compiled_; }
  // The orders in force (given before the clock last moved, injects' included), in the order
  // given, at the day each took effect; and the overrides the session put on the exercise's
  // scenario (horizon, seed). replay.hpp writes them as a scenario a planner can run.
  struct PlayedOrder {
    border::TimedOrder timed;
    bool by_inject = false;  // applied by an inject (part of the exercise's world, not a team's decision)
  };
  std::vector<PlayedOrder> orders_in_force() const;
  const std::vector<border::Override>& scenario_overrides() const { return base_overrides_; }
  std::string team_name() const { return team_ ? team_->name : "facilitator"; }

 private:
  struct Given {
    Time at;
    Order order;
    bool by_inject = false;
  };
  std::string step(Time until);
  std::string give(const std::vector<std::string>& words, const Authority& who, bool undoable);
  std::string fire(const Inject& inject, Time met_at);
  std::string undo();
  std::string status() const;
  std::string units() const;
  std::string map(const std::vector<std::string>& words) const;
  std::string orders_given() const;
  std::string history() const;
  std::string help() const;
  std::string when(Time t) const;
  void apply_pending();
  double measure(const Condition& c) const;
  std::vector<border::SituationTally> tallies() const;
  // What happened in the countries the player sees since `before`.
  std::string since(const std::vector<border::SituationTally>& before) const;
  bool sees_country(int country) const;
  std::vector<std::string> check_patch(const std::vector<border::Override>& more) const;
  void log(const std::string& kind, nlohmann::json fields) const;
  nlohmann::json outcome() const;
  // The end record's after-action part: the orders in force, the fates by node, and the outcome
  // without the players' orders and without each team's (docs/tabletop.md, "After-action review").
  nlohmann::json after_action() const;
  std::string tr(const char* message) const { return options_.catalog(message); }

  const Exercise& exercise_;
  SessionOptions options_;
  const Team* team_ = nullptr;
  std::vector<border::Override> base_overrides_;
  std::unique_ptr<border::CompiledScenario> compiled_;
  std::unique_ptr<border::Replication> replication_;
  std::vector<border::Override> patches_;  // the scenario keys the orders changed, in order
  std::vector<Given> pending_;             // given since the clock last moved
  std::vector<Given> given_;               // in force
  std::vector<bool> fired_;                // per inject
  std::vector<Time> condition_met_;        // per inject: when its condition became true (-1: not yet)
  std::vector<std::pair<Time, std::string>> history_;
  bool quit_ = false;
  bool closed_ = false;
};

// The words of a command line (split on blanks).
std::vector<std::string> split_words(const std::string& line);

}  // namespace bstp::tabletop
