// The public API of the BSTP simulation kernel.
#pragma once

#include <bstp/logical_process.hpp>
#include <bstp/random.hpp>
#include <bstp/simulation.hpp>
#include <bstp/time.hpp>
