// `bstp validate FILE...`: checks scenario files (the base scenario and every policy) without
// running them, reporting every problem as FILE:LINE:COLUMN: key.path: what was expected.
#include "command.hpp"
#include "phold_experiment.hpp"

#include <border/budget_check.hpp>
#include <border/compiled_scenario.hpp>
#include <border/scenario_loader.hpp>

#include <iostream>
#include <memory>

#include <fmt/format.h>

namespace bstp::tools {
namespace {

struct FileReport {
  std::string file;
  std::vector<std::string> policies;
  std::vector<border::Diagnostic> diagnostics;
  std::vector<std::string> warnings;  // a valid file's policies expected over budget
  bool phold = false;                 // a PHOLD file (no policies)
  bool ok() const { return diagnostics.empty(); }
};

std::string usd_text(double usd) { return fmt::format("{:.0f} USD", usd); }

// Each policy's planned cost against the budget section (valid files only): a warning, not an error.
std::vector<std::string> budget_warnings(const border::ScenarioDocument& document, const std::vector<std::string>& policies) {
  std::vector<std::string> warnings;
  for (const std::string& policy : policies) {
    const border::CompiledScenario compiled(document.resolve(policy));
    for (const border::BudgetOverrun& o : border::planned_overruns(compiled))
      warnings.push_back(
          o.limit == "total_usd"
              ? fmt::format("policy '{}' is over budget: {} plans {} against budget.{}.total_usd {}", policy, o.country,
                            usd_text(o.planned_usd), o.country, usd_text(o.budget_usd))
              : fmt::format("policy '{}' is over budget: {} plans {} in month {} against budget.{}.usd_per_month {}", policy,
                            o.country, usd_text(o.planned_usd), o.month + 1, o.country, usd_text(o.budget_usd)));
  }
  return warnings;
}

FileReport check_file(const std::string& file) {
  FileReport report{file, {}, {}, {}};
  try {
    if (is_phold_file(file)) {  // a PHOLD file (docs/phold.md): its parameters, as bstp run reads them
      report.phold = true;
      plan_phold_run(file, std::nullopt, std::nullopt);
      return report;
    }
    const border::ScenarioDocument document = border::ScenarioDocument::from_file(file);
    report.policies = document.policy_names();
    report.diagnostics = document.validate();
    if (report.ok()) report.warnings = budget_warnings(document, report.policies);
  } catch (const border::ScenarioError& e) {
    report.diagnostics = e.diagnostics();
  }
  return report;
}

std::string plural(std::size_t n, const char* one, const char* many) { return fmt::format("{} {}", n, n == 1 ? one : many); }

void print_text(const std::vector<FileReport>& reports) {
  for (const FileReport& r : reports) {
    if (r.ok()) {
      std::cout << fmt::format("{}: ok ({})\n", r.file, r.phold ? "a PHOLD experiment" : plural(r.policies.size(), "policy", "policies"));
      for (const std::string& w : r.warnings) std::cout << fmt::format("{}: warning: {}\n", r.file, w);
      continue;
    }
    for (const border::Diagnostic& d : r.diagnostics) std::cerr << d.str() << "\n";
    std::cerr << fmt::format("{}: {}\n", r.file, plural(r.diagnostics.size(), "problem", "problems"));
  }
}

std::string json_string(const std::string& s) { return "\"" + json_escape(s) + "\""; }

void print_json(const std::vector<FileReport>& reports) {
  std::cout << "{\"files\": [";
  for (std::size_t i = 0; i < reports.size(); ++i) {
    const FileReport& r = reports[i];
    std::vector<std::string> policies, diagnostics, warnings;
    for (const std::string& p : r.policies) policies.push_back(json_string(p));
    for (const std::string& w : r.warnings) warnings.push_back(json_string(w));
    for (const border::Diagnostic& d : r.diagnostics)
      diagnostics.push_back(fmt::format(R"({{"file": {}, "line": {}, "column": {}, "path": {}, "message": {}}})",
                                        json_string(d.file), d.line, d.column, json_string(d.path), json_string(d.message)));
    std::cout << (i ? ",\n  " : "\n  ")
              << fmt::format(R"({{"file": {}, "ok": {}, "policies": [{}], "diagnostics": [{}], "warnings": [{}]}})",
                             json_string(r.file), r.ok() ? "true" : "false", fmt::join(policies, ", "),
                             fmt::join(diagnostics, ", "), fmt::join(warnings, ", "));
  }
  std::cout << "\n]}\n";
}

constexpr const char* kDescription = "Check scenario files (the base scenario and every policy) without running them";

constexpr const char* kFooter =
    "\nEvery problem is reported at once, one per line on stderr, as\n"
    "  FILE:LINE:COLUMN: key.path: what was expected\n"
    "and a good file gets `FILE: ok (N policies)` on stdout.\n\n"
    "What is checked:\n"
    "  - the file: a regular file of at most 16 MiB, one YAML document, LF or CRLF line ends;\n"
    "  - YAML syntax, unknown keys (with a suggestion for a likely typo), values of the wrong type,\n"
    "    required keys, booleans written true or false;\n"
    "  - bounds: probabilities and shares in [0, 1], every duration, rate and count within the\n"
    "    bounds of docs/scenario-format.md (horizon_days in (0, 36500], replications in [1, 1000000],\n"
    "    lanes in [1, 1000], ...), lat in [-90, 90], lon in [-180, 180], distribution parameters,\n"
    "    24 entries in a daily_profile averaging 1;\n"
    "  - references: a node's country and sector, an edge's ends and sector, checkpoints and traffic\n"
    "    at port_of_entry nodes, organisation sources and destinations, the countries and sectors\n"
    "    named in training and coordination;\n"
    "  - that every destination of an organisation can be reached from each of its sources in at\n"
    "    most 32 legs, and is not one of them; that a leg's sector is of one of its ends' countries;\n"
    "  - that each checkpoint can serve its traffic in the busiest hour (both rates are printed);\n"
    "  - each policy: its dotted paths exist, the patched scenario passes every check above, it keeps\n"
    "    the base's countries, crossings, horizon, seed and replications, and it compiles for a run.\n"
    "A valid file whose policy is expected to cost more than the `budget` section allows (its\n"
    "planned cost: the levers' schedule and inspections at their expected rate) gets\n"
    "  FILE: warning: policy 'P' is over budget: ...\n"
    "on stdout; over budget is a finding, not an error (exit 0).\n"
    "The format is documented in docs/scenario-format.md.\n\n"
    "Example:\n"
    "  $ bstp validate scenarios/tutorial.yaml scenarios/invalid/unknown_key.yaml\n"
    "  scenarios/tutorial.yaml: ok (3 policies)\n"
    "  scenarios/invalid/unknown_key.yaml:8:14: nodes.tapachula.kind: required key is missing\n"
    "  scenarios/invalid/unknown_key.yaml:8:15: nodes.tapachula.kidn: unknown key (did you mean 'kind'?)\n"
    "  scenarios/invalid/unknown_key.yaml: 2 problems\n\n"
    "Exit codes: 0 every file is valid, 2 a problem in any file (including a missing file).";

}  // namespace

void add_validate_command(Program& program) {
  struct Options {
    std::vector<std::string> files;
    Format format = Format::text;
  };
  auto options = std::make_shared<Options>();
  CLI::App* cmd = program.app.add_subcommand("validate", kDescription);
  cmd->footer(kFooter);
  cmd->add_option("FILE", options->files, "Scenario files to check")->required();
  const std::map<std::string, Format> formats{{"text", Format::text}, {"json", Format::json}};
  cmd->add_option("--format", options->format,
                  "text: 'FILE: ok' on stdout, problems on stderr; json: one report on stdout for scripts")
      ->transform(CLI::CheckedTransformer(formats, CLI::ignore_case))
      ->option_text("text|json")
      ->default_str("text");

  program.actions[cmd] = [options] {
    std::vector<FileReport> reports;
    bool all_ok = true;
    for (const std::string& file : options->files) {
      reports.push_back(check_file(file));
      all_ok = all_ok && reports.back().ok();
    }
    if (options->format == Format::json)
      print_json(reports);
    else
      print_text(reports);
    return all_ok ? kExitOk : kExitUsage;
  };
}

}  // namespace bstp::tools
