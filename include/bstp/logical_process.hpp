// Logical processes and the context their handlers see.
//
// A model author derives from LogicalProcess, keeps the entity state in plain members, and
// registers one handler per event type:
//
//   struct Checkpoint : bstp::LogicalProcess {
//     Checkpoint() { on(&Checkpoint::inspect); }
//     void inspect(const VehicleArrives& e, bstp::Context& ctx);
//   };
//
// Events are small trivially-copyable structs; they are delivered in (time, source, source
// sequence number) order, which does not depend on the scheduler or the number of threads. The
// source is the sending LP, or a model entity (bstp::Entity) when the handler sends on an
// entity's behalf with send_from: a model whose entities send for themselves gives the same
// results however its entities are grouped into LPs (see docs/kernel.md).
#pragma once

#include <bstp/time.hpp>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <typeinfo>
#include <vector>

namespace bstp {

using LpId = std::uint32_t;
using EventType = std::uint32_t;

// The largest event payload the kernel carries; larger state belongs in the LP.
inline constexpr std::size_t kMaxPayloadBytes = 96;

// An event sent to another LP sooner than the declared lookahead, or into the past.
class CausalityError : public std::logic_error {
 public:
  using std::logic_error::logic_error;
};

namespace detail {
EventType register_event_type(const char* mangled_name);

// The tie-break key of an event: its source (24 bits) above the source's own sequence number (40
// bits). Sources 0 .. 2^23 - 1 are LPs sending as themselves; 2^23 + i is Entity i.
inline constexpr int kSequenceBits = 40;
inline constexpr std::uint64_t kMaxSequence = (std::uint64_t{1} << kSequenceBits) - 2;
inline constexpr std::uint64_t kEntitySourceBase = std::uint64_t{1} << 23;
inline constexpr std::uint64_t kOwnSequence = ~std::uint64_t{0};  // post(): "the sending LP's own counter"
[[noreturn]] void sequence_overflow();
inline std::uint64_t make_tie(std::uint64_t source, std::uint64_t sequence) {
  if (sequence > kMaxSequence) [[unlikely]]
    sequence_overflow();
  return (source << kSequenceBits) | sequence;
}
}  // namespace detail

// The largest number of LPs in one simulation.
inline constexpr std::uint64_t kMaxLps = detail::kEntitySourceBase;
// Entity ids run from 0 to kMaxEntities - 1 (the last source is the simulation's injector).
inline constexpr std::uint32_t kMaxEntities = static_cast<std::uint32_t>(detail::kEntitySourceBase) - 1;

// A small dense id per event type, given on first use (so ids depend on the order in which types
// are first used; names do not).
template <class E>
EventType event_type_id() {
  static const EventType id = detail::register_event_type(typeid(E).name());
  return id;
}
// The event type's C++ name (for example "bstp::border::VehicleArrives"), for traces and logs.
std::string_view event_type_name(EventType type);

// A model entity that sends events in its own name (Context::send_from, Simulation::inject_from):
// its events are ordered by (time, entity id, entity's own sequence number), whichever LP holds it.
// The model keeps each entity in the LP that owns it and gives every entity a distinct id.
class Entity {
 public:
  explicit Entity(std::uint32_t id) : id_(id) {
    if (id >= kMaxEntities) out_of_range(id);
  }
  std::uint32_t id() const { return id_; }
  // How many events this entity has sent.
  std::uint64_t sent() const { return sequence_; }

 private:
  friend class Context;
  friend class Simulation;
  struct Injector {};
  explicit Entity(Injector) : id_(kMaxEntities) {}
  [[noreturn]] static void out_of_range(std::uint32_t id);
  std::uint64_t next_tie() { return detail::make_tie(detail::kEntitySourceBase + id_, sequence_++); }

  std::uint32_t id_;
  std::uint64_t sequence_ = 0;
};

template <class E>
concept Payload = std::is_trivially_copyable_v<E> && sizeof(E) <= kMaxPayloadBytes && alignof(E) <= 8;

// What a handler may do: read the clock and send events. Implemented by the schedulers.
class Context {
 public:
  Time now() const { return now_; }
  LpId self() const { return self_; }
  Time lookahead() const { return lookahead_; }
  Time end_time() const { return end_; }

  // Sends `event` to LP `destination`, to be handled at now() + delay. A delay below the
  // lookahead to another LP, or a negative delay, throws CausalityError. Events at or past the
  // end time are dropped (they would never be handled).
  template <Payload E>
  void send(LpId destination, Time delay, const E& event) {
    if (delay < 0 || (destination != self_ && delay < lookahead_)) reject(destination, delay);
    const Time at = now_ + delay;
    if (at >= end_) return;
    post(destination, at, event_type_id<E>(), std::is_empty_v<E> ? nullptr : &event,
         std::is_empty_v<E> ? 0 : sizeof(E), detail::kOwnSequence);
  }
  // As send, but in the name of `source`, an entity held by this LP: the event is ordered by the
  // entity's id and sequence number instead of this LP's (see Entity).
  template <Payload E>
  void send_from(Entity& source, LpId destination, Time delay, const E& event) {
    if (delay < 0 || (destination != self_ && delay < lookahead_)) reject(destination, delay);
    const Time at = now_ + delay;
    if (at >= end_) return;
    post(destination, at, event_type_id<E>(), std::is_empty_v<E> ? nullptr : &event,
         std::is_empty_v<E> ? 0 : sizeof(E), source.next_tie());
  }
  // Schedules an event to this LP itself; any non-negative delay is allowed.
  template <Payload E>
  void schedule(Time delay, const E& event) { send(self_, delay, event); }

 protected:
  Context(Time lookahead, Time end) : lookahead_(lookahead), end_(end) {}
  ~Context() = default;
  // `tie` is the event's tie-break key, or detail::kOwnSequence for the sending LP's own counter.
  virtual void post(LpId destination, Time at, EventType type, const void* payload, std::size_t bytes,
                    std::uint64_t tie) = 0;
  [[noreturn]] void reject(LpId destination, Time delay) const;

  Time now_ = 0;
  LpId self_ = 0;

 private:
  Time lookahead_;
  Time end_;
};

class LogicalProcess {
 public:
  LogicalProcess() = default;
  LogicalProcess(const LogicalProcess&) = delete;
  LogicalProcess& operator=(const LogicalProcess&) = delete;
  virtual ~LogicalProcess() = default;

  LpId id() const { return id_; }
  // Called once, in LP id order, before the first event: schedule initial events here.
  virtual void start(Context&) {}

  // Delivers one event to its registered handler (used by the schedulers).
  void deliver(EventType type, const void* payload, Context& ctx) {
    if (type >= handlers_.size() || handlers_[type].call == nullptr) unhandled(type);
    handlers_[type].call(this, handlers_[type], payload, ctx);
  }

 protected:
  // Registers `handler` for events of type E; the compiler checks the event type.
  template <class Self, Payload E>
  void on(void (Self::*handler)(const E&, Context&)) {
    static_assert(std::is_base_of_v<LogicalProcess, Self>);
    using Member = void (Self::*)(const E&, Context&);
    static_assert(sizeof(Member) <= sizeof(Handler::member));
    const EventType type = event_type_id<E>();
    if (handlers_.size() <= type) handlers_.resize(type + 1);
    Handler& h = handlers_[type];
    std::memcpy(h.member, &handler, sizeof(Member));
    h.call = [](LogicalProcess* lp, const Handler& self, const void* payload, Context& ctx) {
      Member member;
      std::memcpy(&member, self.member, sizeof(Member));
      alignas(E) static const unsigned char empty[sizeof(E)] = {};
      const E& event = *static_cast<const E*>(std::is_empty_v<E> ? static_cast<const void*>(empty) : payload);
      (static_cast<Self*>(lp)->*member)(event, ctx);
    };
  }

 private:
  friend class Simulation;
  struct Handler {
    void (*call)(LogicalProcess*, const Handler&, const void*, Context&) = nullptr;
    alignas(8) unsigned char member[16] = {};
  };
  [[noreturn]] void unhandled(EventType type) const;

  LpId id_ = 0;
  std::vector<Handler> handlers_;
};

}  // namespace bstp
