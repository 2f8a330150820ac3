// The border model's clock (docs/model.md, "Time, entities and logical processes"): one tick of
// the kernel's integer time is a millisecond, so that draws of a few seconds keep their precision
// (gaps of 5 s at a 720-vehicle-an-hour checkpoint rounded to whole seconds would run it 0.17%
// fast and bias its queue). Durations written in the scenario (days, hours, minutes) become whole
// ticks with to_ticks (compiled_scenario.hpp).
#pragma once

#include <bstp/time.hpp>

namespace bstp::border {

inline constexpr Time kTicksPerSecond = 1000;
inline constexpr Time kSecond = kTicksPerSecond;
inline constexpr Time kMinute = 60 * kSecond;
inline constexpr Time kHour = 60 * kMinute;
inline constexpr Time kDay = 24 * kHour;
// Seconds in the units durations are written in (scenario files, orders): for to_ticks.
inline constexpr double kSecondsPerMinute = static_cast<double>(seconds::kMinute);
inline constexpr double kSecondsPerHour = static_cast<double>(seconds::kHour);
inline constexpr double kSecondsPerDay = static_cast<double>(seconds::kDay);

// A month of the indicators' monthly series: a twelfth of a mean year.
inline constexpr Time kMonthTicks = static_cast<Time>(30.4375 * seconds::kDay) * kSecond;
// The smallest delay of anything passing between countries or organisations: the kernel's
// lookahead. A cross-border leg shorter than this takes this long.
inline constexpr Time kHandoverTicks = 10 * kMinute;

// Ticks as seconds, hours or days, for people and for rates given per hour or day.
inline constexpr double in_seconds(Time t) { return static_cast<double>(t) / static_cast<double>(kSecond); }
inline constexpr double in_hours(Time t) { return static_cast<double>(t) / static_cast<double>(kHour); }
inline constexpr double in_days(Time t) { return static_cast<double>(t) / static_cast<double>(kDay); }

}  // namespace bstp::border
