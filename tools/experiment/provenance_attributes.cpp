#include "experiment/provenance_attributes.hpp"

#include "experiment/hdf5_support.hpp"

namespace bstp::experiment {

void write_provenance_attributes(hid_t root, const Provenance& p) {
  h5::write_string_attribute(root, "scenario", p.scenario_text);
  h5::write_string_attribute(root, "scenario_file", p.scenario_file);
  h5::write_uint64_attribute(root, "seed", p.seed);
  h5::write_string_attribute(root, "bstp_version", p.bstp_version);
  h5::write_string_attribute(root, "git_revision", p.git_revision);
  h5::write_string_attribute(root, "command_line", p.command_line);
  h5::write_string_attribute(root, "created_utc", p.created_utc);
  if (!p.sweep_text.empty()) h5::write_string_attribute(root, "sweep", p.sweep_text);
}

Provenance read_provenance_attributes(hid_t root) {
  Provenance p;
  p.scenario_text = h5::read_string_attribute(root, "scenario");
  p.scenario_file = h5::read_string_attribute(root, "scenario_file");
  p.seed = h5::read_uint64_attribute(root, "seed");
  p.bstp_version = h5::read_string_attribute(root, "bstp_version");
  p.git_revision = h5::read_string_attribute(root, "git_revision");
  p.command_line = h5::read_string_attribute(root, "command_line");
  p.created_utc = h5::read_string_attribute(root, "created_utc");
  if (h5::attribute_exists(root, "sweep")) p.sweep_text = h5::read_string_attribute(root, "sweep");
  return p;
}

}  // namespace bstp::experiment
