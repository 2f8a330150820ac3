// Simulated time: an exact integer count of ticks. Models choose what a tick is (the border model
// uses milliseconds, PHOLD microseconds of its abstract unit); the kernel only compares and adds.
#pragma once

#include <cstdint>
#include <limits>

namespace bstp {

using Time = std::int64_t;

inline constexpr Time kNever = std::numeric_limits<Time>::max();

// Conventional units for models whose tick is one second.
namespace seconds {
inline constexpr Time kSecond = 1;
inline constexpr Time kMinute = 60;
inline constexpr Time kHour = 3600;
inline constexpr Time kDay = 86400;
inline constexpr Time kWeek = 7 * kDay;
}  // namespace seconds

}  // namespace bstp
