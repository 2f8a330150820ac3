#include <bstp/logical_process.hpp>

#include <cxxabi.h>

#include <cstdlib>
#include <deque>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>

#include <fmt/format.h>

namespace bstp {
namespace {

// Event type names by id. A deque keeps every name at a stable address.
struct TypeRegistry {
  std::mutex mutex;
  std::deque<std::string> names;
};
TypeRegistry& registry() {
  static TypeRegistry r;
  return r;
}

std::string demangle(const char* mangled) {
  int status = 0;
  const std::unique_ptr<char, void (*)(void*)> name(abi::__cxa_demangle(mangled, nullptr, nullptr, &status), std::free);
  return status == 0 && name ? std::string(name.get()) : std::string(mangled);
}

}  // namespace

namespace detail {
EventType register_event_type(const char* mangled_name) {
  std::string name = demangle(mangled_name);
  TypeRegistry& r = registry();
  const std::lock_guard lock(r.mutex);
  r.names.push_back(std::move(name));
  return static_cast<EventType>(r.names.size() - 1);
}
void sequence_overflow() { throw std::overflow_error("an LP or entity sent more than 2^40 - 2 events"); }
}  // namespace detail

std::string_view event_type_name(EventType type) {
  TypeRegistry& r = registry();
  const std::lock_guard lock(r.mutex);
  if (type >= r.names.size()) return "unknown event type";
  return r.names[type];
}

void Entity::out_of_range(std::uint32_t id) {
  throw std::out_of_range(fmt::format("entity id {} is out of range (at most {})", id, kMaxEntities - 1));
}

void Context::reject(LpId destination, Time delay) const {
  if (delay < 0)
    throw CausalityError(fmt::format("LP {} at time {} scheduled an event {} ticks in the past (to LP {})",
                                     self_, now_, -delay, destination));
  throw CausalityError(fmt::format(
      "LP {} at time {} sent an event to LP {} with delay {} ticks, below the lookahead of {} ticks; "
      "cross-LP events must be at least the lookahead in the future (model or partition error)",
      self_, now_, destination, delay, lookahead_));
}

void LogicalProcess::unhandled(EventType type) const {
  throw std::logic_error(fmt::format("LP {} received an event of type #{} it has no handler for", id_, type));
}

}  // namespace bstp
