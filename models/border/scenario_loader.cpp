// Placeholder: the YAML reader is being written.
#include "scenario_loader.hpp"
