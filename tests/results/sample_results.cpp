#include "sample_results.hpp"

#include <cmath>
#include <limits>
#include <string>

namespace bstp::experiment::testing {

namespace {

border::ReplicationResult done_replication(std::size_t p, std::size_t r, std::size_t months,
                                           std::size_t countries, std::size_t crossings, std::size_t units = 0,
                                           std::size_t organisations = 0) {
  border::ReplicationResult v;
  for (std::size_t k = 0; k < border::kIndicatorCount; ++k) {
    const double base = sample_total(p, r, k);
    v.totals.push_back(base);
    std::vector<double> monthly;
    for (std::size_t m = 0; m < months; ++m) monthly.push_back(base + 0.01 * static_cast<double>(m + 1));
    v.monthly.push_back(std::move(monthly));
    std::vector<double> by_country;
    for (std::size_t c = 0; c < countries; ++c)
      by_country.push_back(base + 0.5 * static_cast<double>(c + 1));
    v.by_country.push_back(std::move(by_country));
  }
  for (std::size_t x = 0; x < crossings; ++x) v.crossing_kg.push_back(sample_total(p, r, 0) + 10.0 * static_cast<double>(x + 1));
  for (std::size_t x = 0; x < crossings; ++x) {
    std::vector<double> kg;
    for (std::size_t m = 0; m < months; ++m) kg.push_back(v.crossing_kg[x] / 8.0 + static_cast<double>(m));
    v.crossing_kg_monthly.push_back(std::move(kg));
  }
  for (std::size_t x = 0; x < crossings; ++x) {
    v.crossing_seizures.push_back(10.0 * static_cast<double>(p) + static_cast<double>(r + x + 1));
    v.crossing_seized_kg.push_back(100.0 * v.crossing_seizures[x] + 0.5);
    std::vector<double> seizures, kg;
    for (std::size_t m = 0; m < months; ++m) {
      seizures.push_back(v.crossing_seizures[x] + static_cast<double>(m));
      kg.push_back(v.crossing_seized_kg[x] / 4.0 + static_cast<double>(m));
    }
    v.crossing_seizures_monthly.push_back(std::move(seizures));
    v.crossing_seized_kg_monthly.push_back(std::move(kg));
  }
  for (std::size_t k = 0; k < border::kUnitMeasureCount; ++k) {
    v.by_unit.emplace_back();
    for (std::size_t u = 0; u < units; ++u) v.by_unit[k].push_back(sample_by_unit(p, r, k, u));
  }
  for (std::size_t k = 0; k < border::kOrganisationMeasureCount; ++k) {
    v.by_organisation.emplace_back();
    for (std::size_t o = 0; o < organisations; ++o) v.by_organisation[k].push_back(sample_by_unit(p, r, k, o) + 0.5);
  }
  v.events = 10000 * (p + 1) + r;
  v.wall_seconds = 0.25 * static_cast<double>(r + 1);
  return v;
}

}  // namespace

double sample_by_unit(std::size_t p, std::size_t r, std::size_t k, std::size_t u) {
  return 1000.0 * static_cast<double>(p) + 100.0 * static_cast<double>(r) + 10.0 * static_cast<double>(k) + static_cast<double>(u);
}

double sample_total(std::size_t p, std::size_t r, std::size_t k) {
  return 1000.0 * static_cast<double>(p) + 100.0 * static_cast<double>(r) + static_cast<double>(k);
}

ExperimentResults sample_results() {
  ExperimentResults results;
  results.points = {
      {"lanes=2", {{"checkpoints.lanes", 2.0}, {"training.cohort_size", 10.0}}, "baseline"},
      {"lanes=4", {{"checkpoints.lanes", 4.0}, {"training.cohort_size", 20.0}}, "baseline"},
  };
  results.replications = 3;
  results.months = 4;
  results.countries = {"MX", "US"};
  results.crossings = {"bridge", "río ford"};
  results.units = {"north.1", "north.2", "río patrol"};
  results.organisations = {"cell_b", "cell_a"};
  for (std::size_t p = 0; p < 2; ++p) {
    results.values.emplace_back();
    for (std::size_t r = 0; r < 3; ++r)
      results.values[p].push_back(p == 1 && r == 2 ? border::ReplicationResult{}
                                                   : done_replication(p, r, 4, 2, 2, 3, 2));
  }
  const auto rate = static_cast<std::size_t>(border::Indicator::interdiction_rate);
  results.values[0][0].monthly[rate][0] = std::numeric_limits<double>::quiet_NaN();
  results.scenario_text = "name: sample\nseed: 12345\n# ünïcode comment\n";
  results.scenario_file = "scenarios/sample.yaml";
  results.bstp_version = "0.1.0";
  results.git_revision = "abcdef123456";
  results.command_line = "bstp sweep scenarios/sample.yaml --replications 3";
  results.created_utc = "2024-05-01T12:00:00Z";
  results.seed = 12345;
  results.sweep_text = "scenario: sample.yaml\nreplications: 3\ngrid: {checkpoints.lanes: [2, 4]}\n";
  return results;
}

ExperimentResults synthetic_results(std::size_t points, int replications, int months,
                                    std::size_t countries) {
  ExperimentResults results;
  results.replications = replications;
  results.months = months;
  for (std::size_t c = 0; c < countries; ++c) results.countries.push_back("C" + std::to_string(c));
  for (std::size_t p = 0; p < points; ++p) {
    results.points.push_back({"point " + std::to_string(p), {}, "point " + std::to_string(p)});
    results.values.emplace_back();
    for (int r = 0; r < replications; ++r) {
      border::ReplicationResult v = done_replication(p, static_cast<std::size_t>(r),
                                                     static_cast<std::size_t>(months), countries, 0);
      for (auto& row : v.monthly)
        for (double& x : row) x = std::sin(x) * 1e6;  // incompressible-ish
      results.values[p].push_back(std::move(v));
    }
  }
  results.scenario_text = "name: synthetic\n";
  results.seed = 1;
  return results;
}

}  // namespace bstp::experiment::testing
