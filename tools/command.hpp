// What every `bstp` subcommand shares: how it registers, how it reports failure, exit codes.
#pragma once

#include "report_format.hpp"
#include "usage_error.hpp"

#include <functional>
#include <map>
#include <string>

#include <CLI/CLI.hpp>

namespace bstp::tools {

// The action of a parsed subcommand; returns the exit code.
using Action = std::function<int()>;

struct Program {
  CLI::App app{"bstp - discrete-event simulation of border interdiction (Border Security Training Program)", "bstp"};
  std::map<const CLI::App*, Action> actions;
  std::string command_line;
};

// Adds `--format text|json|csv` to a subcommand.
void add_format_option(CLI::App& cmd, Format& format);

// Peak resident memory of this process, in bytes (0 when unknown).
std::size_t peak_memory_bytes();

void add_phold_command(Program& program);
void add_validate_command(Program& program);
void add_run_command(Program& program);
void add_sweep_command(Program& program);
void add_merge_command(Program& program);
void add_report_command(Program& program);
void add_review_command(Program& program);
void add_tabletop_command(Program& program);
void add_trace_command(Program& program);

}  // namespace bstp::tools
