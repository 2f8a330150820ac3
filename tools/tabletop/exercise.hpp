// A tabletop exercise file (docs/tabletop.md, "The exercise file"): the scenario it plays, how
// long, its learning objectives, the teams and their forces, and the facilitator's injects.
#pragma once

#include <border/scenario_loader.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace bstp::tabletop {

// A text in the languages the exercise gives it (English always; Spanish optional).
struct Text {
  std::string en, es;
  const std::string& in(const std::string& lang) const { return lang == "es" && !es.empty() ? es : en; }
};

struct Team {
  std::string name;     // as given to --team
  std::string country;  // a country id of the scenario
  // The sectors and checkpoints (ids) the team commands; empty = all of its country's.
  std::vector<std::string> forces;
};

// What an inject waits for besides a day: a measure at a node passing a threshold.
struct Condition {
  enum class Measure { seized_kg, delivered_kg, kg_through, largest_shipment_kg };
  Measure measure = Measure::kg_through;
  std::string node;  // a node id of the scenario
  double above = 0.0;
  std::uint16_t node_index = 0;  // the node's index in the scenario's graph
};

struct Inject {
  std::string id;
  std::optional<double> day;           // fires at the start of this day (day x 86,400 s) ...
  std::optional<Condition> when;       // ... or when this becomes true (checked as events happen)
  std::string to;                      // a team name, or "" for everyone
  Text text;
  std::vector<std::string> apply;      // orders applied with the facilitator's authority
};

struct Exercise {
  std::string file;
  std::string name;
  Text title;
  std::vector<Text> objectives;
  double days = 0.0;                   // length of play (the scenario's horizon)
  std::string policy;                  // the scenario policy played ("" = the base scenario)
  std::optional<border::ScenarioDocument> document;
  std::vector<Team> teams;
  std::vector<Inject> injects;

  const Team* team(const std::string& name) const;
};

// Reads and checks an exercise file; problems are border::ScenarioError with file:line:column.
Exercise load_exercise(const std::string& path);
const char* measure_name(Condition::Measure m);

}  // namespace bstp::tabletop
