// The command-line options of an experiment session (experiment_session.hpp), shared by
// `bstp run` and `bstp sweep`.
#pragma once

#include "experiment_session.hpp"

#include <CLI/CLI.hpp>

namespace bstp::tools {

// Adds --threads, --lp-threads, --exact-lp-threads, --out, --force, --resume and --shard to a command.
void add_session_options(CLI::App& cmd, SessionOptions& options, bool out_required);

}  // namespace bstp::tools
