#include "emit.hpp"

namespace bstp::config {

void emit(YAML::Emitter& out, const YAML::Node& node, Layout layout) {
  const auto flow = [&] { return layout == Layout::one_line || node.Style() == YAML::EmitterStyle::Flow; };
  switch (node.Type()) {
    case YAML::NodeType::Map:
      if (flow()) out << YAML::Flow;
      out << YAML::BeginMap;
      for (const auto& entry : node) {
        out << YAML::Key;
        emit(out, entry.first, layout);
        out << YAML::Value;
        emit(out, entry.second, layout);
      }
      out << YAML::EndMap;
      break;
    case YAML::NodeType::Sequence:
      if (flow()) out << YAML::Flow;
      out << YAML::BeginSeq;
      for (const auto& item : node) emit(out, item, layout);
      out << YAML::EndSeq;
      break;
    case YAML::NodeType::Scalar:
      if (node.Tag() == "!") out << YAML::DoubleQuoted;
      out << node.Scalar();
      break;
    default: out << YAML::Null; break;
  }
}

std::string yaml_text(const YAML::Node& node, Layout layout) {
  YAML::Emitter out;
  out.SetOutputCharset(YAML::EmitNonAscii);
  emit(out, node, layout);
  return out.c_str();
}

}  // namespace bstp::config
