// A small synthetic ExperimentResults with known values, shared by the writer tests and by
// write_sample_results (which makes the file the Python checker reads).
#pragma once

#include "experiment/experiment_results.hpp"

#include <cstddef>

namespace bstp::experiment::testing {

// Sample: 2 sweep points ("lanes=2", "lanes=4", both of policy "baseline"; parameters checkpoints.lanes and
// training.cohort_size), 3 replications, 4 months, 2 countries ("MX", "US"). Replication 2 of
// point 1 is not done. Done values:
//   totals[k]           = 1000 p + 100 r + k
//   monthly[k][m]       = 1000 p + 100 r + k + 0.01 (m + 1)
//   by_country[k][c]    = 1000 p + 100 r + k + 0.5 (c + 1)
//   crossing_kg[x]      = 1000 p + 100 r + 10 (x + 1)     (crossings "bridge", "río ford")
//   crossing_kg_monthly[x][m] = crossing_kg[x] / 8 + m
//   crossing_seizures[x] = 10 p + r + x + 1,  crossing_seizures_monthly[x][m] = crossing_seizures[x] + m
//   crossing_seized_kg[x] = 100 crossing_seizures[x] + 0.5,  crossing_seized_kg_monthly[x][m] = crossing_seized_kg[x] / 4 + m
//   by_unit[k][u]       = 1000 p + 100 r + 10 k + u   (units "north.1", "north.2", "río patrol")
//   by_organisation[k][o] = 1000 p + 100 r + 10 k + o + 0.5   (organisations "cell_b", "cell_a")
// except monthly[interdiction_rate][0] of (0, 0), which is NaN.
ExperimentResults sample_results();

// by_unit[k][u] of the sample's replication r of point p (by_organisation adds 0.5).
double sample_by_unit(std::size_t p, std::size_t r, std::size_t k, std::size_t u);

double sample_total(std::size_t p, std::size_t r, std::size_t k);

// Like the sample, with P points, R replications, M months, C countries and no crossings, all done, values
// varying enough not to compress to nothing.
ExperimentResults synthetic_results(std::size_t points, int replications, int months,
                                    std::size_t countries);

}  // namespace bstp::experiment::testing
