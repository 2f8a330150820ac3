// `bstp tabletop EXERCISE.yaml`: play a tabletop exercise in the terminal (docs/tabletop.md).
// The session (tools/tabletop/session.hpp) does the work; this file reads the command lines: with
// line editing and history (Debian's libedit) when the input is a terminal, plain lines otherwise,
// or a script (--script) whose transcript is the same, byte for byte, for the same seed.
#include "command.hpp"
#include "option_checks.hpp"
#include "tabletop/catalog.hpp"
#include "tabletop/replay.hpp"
#include "tabletop/exercise.hpp"
#include "tabletop/session.hpp"

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <limits>

#include <editline/readline.h>
#include <fmt/format.h>
#include <unistd.h>

namespace bstp::tools {
namespace {

struct TabletopOptions {
  std::string exercise, team, script, log, orders_out, lang = "en";
  std::uint64_t seed = 0;
  bool seed_given = false;
  std::uint64_t replication = 0;
};

volatile std::sig_atomic_t interrupted = 0;
void on_interrupt(int) { interrupted = 1; }

// Plays lines from `in`, echoing each after the prompt (a transcript of the session).
// Comment lines (#) are copied as they are.
void play_lines(std::istream& in, tabletop::Session& session, std::ostream& out) {
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const auto first = line.find_first_not_of(" \t");
    if (first == std::string::npos || line[first] == '#') {
      out << line << "\n";
      continue;
    }
    out << session.prompt() << line << "\n" << session.execute(line) << std::flush;
    if (session.quit_requested()) return;
  }
}

// The session's orders as a scenario to run (tabletop/replay.hpp), written whole or not at all.
void write_replay(const std::string& path, const tabletop::Exercise& exercise, const tabletop::Session& session,
                  std::uint64_t replication) {
  const tabletop::ReplayOrigin origin{session.team_name(), session.scenario().scenario().seed, replication};
  const std::string text = tabletop::replay_scenario(exercise, session.scenario_overrides(), session.orders_in_force(), origin);
  const std::string partial = path + ".partial";
  {
    std::ofstream out(partial, std::ios::trunc);
    out << text;
    if (!out.flush()) throw std::runtime_error(fmt::format("--orders-out {}: cannot write the file", path));
  }
  std::filesystem::rename(partial, path);
  std::cerr << fmt::format("bstp: the session's orders are in {} (bstp run {} compares them with no orders)\n", path, path);
}

// Ctrl-C at the prompt asks before ending the exercise.
bool confirm_quit(const tabletop::Catalog& tr) {
  interrupted = 0;
  std::cout << "\n" << tr(tabletop::N_("End the exercise? (y/n) ")) << std::flush;
  std::string answer;
  if (!std::getline(std::cin, answer)) return true;
  return answer == "y" || answer == "yes" || answer == "s" || answer == "si" || answer == "sí";
}

void play_terminal(tabletop::Session& session, const tabletop::Catalog& tr) {
  struct sigaction action {};
  action.sa_handler = on_interrupt;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;  // no SA_RESTART: Ctrl-C interrupts the read of a line
  sigaction(SIGINT, &action, nullptr);
  rl_catch_signals = 0;
  using_history();
  for (;;) {
    interrupted = 0;
    char* raw = readline(session.prompt().c_str());
    if (raw == nullptr) {
      if (interrupted) {
        if (confirm_quit(tr)) break;
        continue;
      }
      std::cout << "\n";
      break;  // end of input
    }
    const std::string line = raw;
    std::free(raw);
    if (!line.empty()) add_history(line.c_str());
    std::cout << session.execute(line) << std::flush;
    if (session.quit_requested()) break;
  }
  signal(SIGINT, SIG_DFL);
}

int run_tabletop(const TabletopOptions& o, const std::string& program_path) {
  if (o.lang != "en" && o.lang != "es") throw UsageError(fmt::format("--lang {}: the languages are en and es", o.lang));
  const tabletop::Exercise exercise = tabletop::load_exercise(o.exercise);
  tabletop::SessionOptions options;
  options.team = o.team;
  if (o.seed_given) options.seed = o.seed;
  options.replication = o.replication;
  options.catalog = tabletop::Catalog::load(o.lang, tabletop::Catalog::default_directories(program_path));
  std::ofstream log;
  if (!o.log.empty()) {
    log.open(o.log, std::ios::trunc);
    if (!log) throw UsageError(fmt::format("--log {}: cannot write the file", o.log));
    options.log = &log;
  }
  if (!o.orders_out.empty()) {
    const std::filesystem::path dir = std::filesystem::absolute(o.orders_out).parent_path();
    if (!std::filesystem::is_directory(dir)) throw UsageError(fmt::format("--orders-out {}: no directory {}", o.orders_out, dir.string()));
  }
  const std::uint64_t replication = options.replication;
  const tabletop::Catalog tr = options.catalog;
  tabletop::Session session(exercise, std::move(options));
  std::cout << session.welcome();
  if (!o.script.empty()) {
    std::ifstream script(o.script);
    if (!script) throw UsageError(fmt::format("--script {}: cannot read the file", o.script));
    play_lines(script, session, std::cout);
  } else if (isatty(STDIN_FILENO) != 0 && isatty(STDOUT_FILENO) != 0) {
    play_terminal(session, tr);
  } else {
    play_lines(std::cin, session, std::cout);
  }
  std::cout << session.close();
  if (!o.orders_out.empty()) write_replay(o.orders_out, exercise, session, replication);
  return kExitOk;
}

}  // namespace

void add_tabletop_command(Program& program) {
  auto o = std::make_shared<TabletopOptions>();
  CLI::App* cmd = program.app.add_subcommand("tabletop", "Play a tabletop exercise: step the clock, give orders, meet injects");
  cmd->description(
      "Play a tabletop exercise over one replication of a scenario (docs/tabletop.md).\n"
      "The facilitator moves the clock (step 2 weeks, run-until 60), teams give orders to their own\n"
      "units and checkpoints (post, withdraw, placement, lanes, inspection, share-intel, joint-patrol,\n"
      "hot-pursuit, train, observe), the exercise's injects fire on their day or when a measure passes\n"
      "a threshold, status shows the situation by country, sector and checkpoint, and map a compact\n"
      "view of the sectors, crossings and seams to project. Type help in the session. --orders-out\n"
      "writes the orders given as a scenario bstp run compares with none; with --log, bstp review\n"
      "makes the after-action report of the session from its log.\n"
      "With a terminal: line editing and history; Ctrl-C asks before quitting. Otherwise commands\n"
      "are read line by line; --script replays a file of commands: the same seed and script give\n"
      "the same transcript, byte for byte.\n\n"
      "Examples:\n"
      "  bstp tabletop scenarios/exercises/suchiate_seam.yaml\n"
      "  bstp tabletop scenarios/exercises/suchiate_seam.yaml --team guatemala --lang es\n"
      "  bstp tabletop scenarios/exercises/gulf_of_honduras.yaml --script moves.txt --log ex.jsonl");
  cmd->add_option("exercise", o->exercise, "Exercise YAML file (scenarios/exercises/; docs/tabletop.md)")->required()->check(CLI::ExistingFile);
  cmd->add_option("--team", o->team, "Play as this team: see its country, command its forces (default: the facilitator)");
  cmd->add_option("--seed", o->seed, "Master seed, 0 to 2^64 - 1 (default: the scenario's)")
      ->check(whole_number(0, std::numeric_limits<std::uint64_t>::max()))
      ->each([o](const std::string&) { o->seed_given = true; });
  cmd->add_option("--replication", o->replication, "Which replication of the scenario to play, from 0 (default 0)")
      ->check(whole_number(0, 1'000'000));
  cmd->add_option("--script", o->script, "Read the commands from this file instead of the terminal")->check(CLI::ExistingFile);
  cmd->add_option("--log", o->log, "Write every order, inject and outcome with its time to this file (JSON lines)");
  cmd->add_option("--orders-out", o->orders_out,
                  "At the end, write the orders given as a scenario to run: the exercise's scenario with policies "
                  "no_orders and exercise_orders (docs/tabletop.md)");
  cmd->add_option("--lang", o->lang, "Language of the session: en or es")->check(CLI::IsMember({"en", "es"}))->default_str("en");
  program.actions[cmd] = [o] {
    std::error_code ec;
    const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
    return run_tabletop(*o, ec ? std::string() : self.string());
  };
}

}  // namespace bstp::tools
