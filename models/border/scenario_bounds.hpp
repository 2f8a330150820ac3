// The bounds of every duration, rate and count of a scenario (docs/scenario-format.md, "Bounds").
// They keep every time in the simulation clock (seconds in a 64-bit integer) with room to spare,
// every event rate finite and every table of one replication small enough to fit in memory. The
// schema (scenario_schema.cpp) and the cross-section checks (scenario_validation.cpp) enforce them,
// so a scenario that passes validation compiles and runs.
#pragma once

#include "clock.hpp"

#include <bstp/time.hpp>

#include <cstddef>

namespace bstp::border::bounds {

inline constexpr double kMaxHorizonDays = 36500;    // 100 years
inline constexpr double kMaxDays = 36500;           // any other duration in days (a start day, a delay, a half-life)
inline constexpr double kMaxWeeks = 5200;           // a training course in weeks (100 years)
inline constexpr double kMaxTravelHours = 8760;     // one leg: a year
inline constexpr double kMaxServiceMinutes = 1440;  // one vehicle's service or secondary inspection: a day
inline constexpr double kMaxShipmentKg = 1e6;
inline constexpr double kMaxUsd = 1e9;         // any price, wage or cost
inline constexpr double kMaxMultiplier = 100;  // terrain factors, alert boosts, elasticities, wage rises
inline constexpr double kMinRate = 1e-3;       // a rate is 0 (off) or at least this, per hour or per month
inline constexpr double kMaxVehiclesPerHour = 1e4;
inline constexpr double kMaxShipmentsPerMonth = 1e5;
inline constexpr int kMaxReplications = 1'000'000;
inline constexpr int kMaxLanes = 1000;
inline constexpr int kMaxOfficers = 10'000'000;
inline constexpr int kMaxUnits = 100'000;
inline constexpr int kMaxTurnBacks = 100;  // turn-backs of one shipment before it stops retreating
inline constexpr int kMaxSeats = 1'000'000;
inline constexpr double kMaxSeatWeight = 1e6;  // a country's weight in a cohort's seat split
inline constexpr double kMaxTurnoverPerYear = 12;  // officers leaving their posts, per officer-year
inline constexpr double kMaxJobs = 1e7;         // jobs a jobs programme funds in one country
inline constexpr double kMaxBudgetUsd = 1e12;   // a country's programme budget
inline constexpr double kMaxBenefitYears = 100; // benefits credited after the run
inline constexpr int kMaxLoadsPerCandidate = 100;  // loads one candidate shipment is split into
inline constexpr double kMaxSizeElasticity = 5;    // detection hazard ~ size^elasticity
// Corruption and community levers (branch corruption-levers).
inline constexpr double kMinRotationDays = 1;    // officers rotated at most once a day (each rotation is an event)
inline constexpr double kMaxCareerMonths = 1200; // months an officer expects to keep the job (100 years)
inline constexpr double kMaxCommittees = 1e5;    // community committees of one entry

// Sizes of the sections.
inline constexpr std::size_t kMaxCountries = 100;
inline constexpr std::size_t kMaxNodes = 5000;
inline constexpr std::size_t kMaxEdges = 20000;
inline constexpr std::size_t kMaxSectors = 5000;
inline constexpr std::size_t kMaxOrganisations = 1000;
inline constexpr std::size_t kMaxCohorts = 10000;  // over all programs, times the countries of each
inline constexpr std::size_t kMaxPolicies = 10000;
inline constexpr std::size_t kMaxRouteLegs = 32;  // legs of one route (a shipment carries its route)
// The monthly indicators one replication keeps, in MiB (they grow with the horizon, the countries,
// the organisations and the crossings).
inline constexpr double kMaxIndicatorMiB = 1024;
// Vehicles waiting or in service at one checkpoint during a run (a run stops with an error beyond).
inline constexpr std::size_t kMaxVehiclesInSystem = 1'000'000;

// The longest delay the model ever schedules: twice the longest horizon, in ticks. Longer draws
// (a heavy tail) are cut to it: they end after the horizon either way.
inline constexpr Time kLongestDelayTicks = 2 * static_cast<Time>(kMaxHorizonDays) * kDay;

}  // namespace bstp::border::bounds
