// The `bstp` program: one binary, one subcommand per job.
#include "command.hpp"
#include "experiment/mpi_farm.hpp"
#include "version.hpp"

#include <iostream>

#include <border/scenario_loader.hpp>
#include <bstp/logical_process.hpp>
#include <fmt/format.h>

int main(int argc, char** argv) {
  using namespace bstp::tools;
  const bstp::experiment::mpi::Session mpi(&argc, &argv);  // only under mpirun/srun (docs/cluster.md)
  Program program;
  CLI::App& app = program.app;
  for (int i = 0; i < argc; ++i) program.command_line += (i ? " " : "") + std::string(argv[i]);
  app.set_version_flag("--version", fmt::format("bstp {} (git {})", kVersion, kGitRevision),
                       "Print the version and git revision, then exit");
  app.require_subcommand(1);
  add_run_command(program);
  add_sweep_command(program);
  add_merge_command(program);
  add_report_command(program);
  add_tabletop_command(program);
  add_review_command(program);
  add_trace_command(program);
  add_validate_command(program);
  add_phold_command(program);
  // After the subcommands, which would otherwise inherit these top-level examples.
  app.footer(
      "\nExamples:\n"
      "  bstp run scenarios/bstp-region.yaml            compare the region's policies\n"
      "  bstp sweep scenarios/sweeps/training_seats.yaml --out seats.h5\n"
      "                                                 a parameter sweep (docs/cluster.md)\n"
      "  bstp validate scenarios/*.yaml                 check scenario files without running\n"
      "  bstp tabletop scenarios/exercises/suchiate_seam.yaml\n"
      "                                                 play a tabletop exercise (docs/tabletop.md)\n"
      "  bstp review class.jsonl -o aar.html            its after-action report, from its --log\n"
      "  bstp phold --lp-threads 2                      benchmark the kernel\n"
      "\nExit codes: 0 success, 1 the run failed, 2 bad arguments or input.\n"
      "Run `bstp COMMAND --help` for the options of a command.");

  std::string names;  // of the commands
  bool known = argc < 2 || argv[1][0] == '-';
  for (const CLI::App* sub : app.get_subcommands({})) {
    names += (names.empty() ? "" : ", ") + sub->get_name();
    known = known || sub->check_name(argv[1]);
  }
  if (!known) {
    std::cerr << fmt::format("bstp: unknown command '{}'; the commands are {} (see bstp --help)\n", argv[1], names);
    return kExitUsage;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitUsage;
  }
  try {
    for (CLI::App* sub : app.get_subcommands())
      if (auto it = program.actions.find(sub); it != program.actions.end()) return it->second();
    std::cerr << "bstp: no command given; see bstp --help\n";
    return kExitUsage;
  } catch (const bstp::border::ScenarioError& e) {
    std::cerr << e.what() << (std::string(e.what()).ends_with("\n") ? "" : "\n");
    return kExitUsage;
  } catch (const UsageError& e) {
    std::cerr << "bstp: error: " << e.what() << "\n";
    return kExitUsage;
  } catch (const std::invalid_argument& e) {
    std::cerr << "bstp: error: " << e.what() << "\n";
    return kExitUsage;
  } catch (const std::exception& e) {
    std::cerr << "bstp: failed: " << e.what() << "\n";
    return kExitFailure;
  }
}
