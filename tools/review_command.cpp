// `bstp review LOG.jsonl -o aar.html [--lang en|es]`: the after-action report of a tabletop
// exercise from its log (`bstp tabletop ... --log`; docs/tabletop.md, "After-action review"). The
// page is made by python/bstp_report/review.py, run as `bstp report` runs its package.
#include "command.hpp"
#include "option_checks.hpp"
#include "python_program.hpp"

#include <string>

namespace bstp::tools {
namespace {

struct ReviewOptions {
  std::string log, out, lang = "en";
  bool force = false;
};

int review(const ReviewOptions& o) {
  return write_page("bstp_report.review", o.log, o.out, o.lang, o.force, "review");
}

}  // namespace

void add_review_command(Program& program) {
  auto o = std::make_shared<ReviewOptions>();
  CLI::App* cmd =
      program.app.add_subcommand("review", "Write the after-action report of a tabletop exercise from its log");
  cmd->description(
      "Write a self-contained HTML after-action report of a tabletop exercise from the log that\n"
      "`bstp tabletop ... --log` wrote (docs/tabletop.md, \"After-action review\"): the exercise, the\n"
      "timeline of injects, orders and outcomes, the outcome against the same replication with no\n"
      "orders (common random numbers: the difference is the orders' effect), what each team's orders\n"
      "changed, and a map of where shipments were detected, bribed, escaped or seized.\n"
      "Needs python3 with Debian's python3-matplotlib and -jinja2 (./scripts/install-deps.sh).\n\n"
      "Examples:\n"
      "  bstp tabletop scenarios/exercises/suchiate_seam.yaml --log ex.jsonl\n"
      "  bstp review ex.jsonl -o aar.html\n"
      "  bstp review ex.jsonl -o aar-es.html --lang es");
  cmd->add_option("log", o->log, "Exercise log (JSON lines, written by bstp tabletop --log)")->required();
  cmd->add_option("-o,--out", o->out, "HTML file to write")->required();
  cmd->add_option("--lang", o->lang, "Language of the page: en (English) or es (Spanish)")
      ->check(language_code())
      ->default_str("en");
  cmd->add_flag("--force", o->force, "Replace an existing output file");
  program.actions[cmd] = [o] { return review(*o); };
}

}  // namespace bstp::tools
