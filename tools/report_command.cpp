// `bstp report RESULTS.h5 -o report.html [--lang en|es]`: a self-contained HTML page of a results
// file (docs/report.md). The page is made by the Python package python/bstp_report, which this
// command finds next to the installed program or in the source tree and runs with python3.
#include "command.hpp"
#include "experiment/border_records.hpp"
#include "experiment/model_results_file.hpp"
#include "option_checks.hpp"
#include "python_program.hpp"

#include <filesystem>
#include <string>

#include <fmt/format.h>

namespace bstp::tools {
namespace {

struct ReportOptions {
  std::string results;
  std::string out;
  std::string lang = "en";
  bool force = false;
};

int report(const ReportOptions& o) {
  // The page is of the border model's indicators; another model's file (PHOLD) has none.
  if (std::filesystem::is_regular_file(o.results))
    if (const std::string model = experiment::results_file_model(o.results); model != experiment::kBorderModel)
      throw UsageError(fmt::format("{} holds results of model '{}'; bstp report reads the border model's results files",
                                   o.results, model));
  return write_page("bstp_report", o.results, o.out, o.lang, o.force, "report");
}

}  // namespace

void add_report_command(Program& program) {
  auto o = std::make_shared<ReportOptions>();
  CLI::App* cmd = program.app.add_subcommand("report", "Write a self-contained HTML report of a results file");
  cmd->description(
      "Write a self-contained HTML report of a results file (docs/report.md).\n"
      "For a `bstp run --out` or `bstp sweep --out` file: the headline per policy (change from the first policy\n"
      "with its paired 95% interval, in plain words), every indicator in a table, monthly series with bands,\n"
      "per-country bars, each indicator against each swept parameter, a map of the kg through each border\n"
      "crossing and the seizures at it, and a map of the change from the first policy. One HTML file with its\n"
      "figures inside: it opens offline and can be mailed as it is.\n"
      "Needs python3 with Debian's python3-h5py, -numpy, -xarray, -pandas, -matplotlib, -jinja2 and -yaml\n"
      "(./scripts/install-deps.sh); set BSTP_PYTHON to use another interpreter.\n\n"
      "Examples:\n"
      "  bstp run scenarios/tutorial.yaml --out tutorial.h5 && bstp report tutorial.h5 -o tutorial.html\n"
      "  bstp report seats.h5 -o seats-es.html --lang es");
  cmd->add_option("results", o->results, "Results file (HDF5, written by bstp run/sweep --out)")->required();
  cmd->add_option("-o,--out", o->out, "HTML file to write")->required();
  cmd->add_option("--lang", o->lang,
                  "Language of the page: en (English), es (Spanish), or any other with a catalog in "
                  "python/bstp_report/locale")
      ->check(language_code())
      ->default_str("en");
  cmd->add_flag("--force", o->force, "Replace an existing output file");
  program.actions[cmd] = [o] { return report(*o); };
}

}  // namespace bstp::tools
