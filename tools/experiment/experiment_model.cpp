#include "experiment/experiment_model.hpp"

#include <stdexcept>

namespace bstp::experiment {

std::size_t ResultSchema::extent(const std::string& name) const {
  for (const ResultDimension& d : dimensions)
    if (d.name == name) return d.labels.size();
  throw std::invalid_argument("the result schema has no dimension '" + name + "'");
}

std::size_t ResultSchema::size(const ResultArray& array) const {
  std::size_t n = 1;
  for (const std::string& d : array.dimensions) n *= extent(d);
  return n;
}

std::size_t ResultSchema::record_size() const {
  std::size_t n = 0;
  for (const ResultArray& a : arrays) n += size(a);
  return n;
}

}  // namespace bstp::experiment
