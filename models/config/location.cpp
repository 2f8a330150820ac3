#include "location.hpp"

namespace bstp::config {

Location location_of(const YAML::Mark& mark) {
  if (mark.is_null() || mark.line < 0) return {};
  return {mark.line + 1, mark.column + 1};
}

}  // namespace bstp::config
