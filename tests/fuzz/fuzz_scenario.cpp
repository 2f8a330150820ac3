// libFuzzer target: scenario YAML text -> ScenarioDocument -> validate -> resolve + compile each
// policy, as `bstp validate` and `bstp run` do. A located problem (ScenarioError, or a diagnostic
// from validate) is the documented answer to bad input; anything else (a crash, a sanitizer
// report, another exception, a file validate accepts that does not resolve or compile) aborts.
#include <border/compiled_scenario.hpp>
#include <border/scenario_loader.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <vector>

namespace {

[[noreturn]] void fail(const char* what, const std::string& detail) {
  std::fprintf(stderr, "fuzz_scenario: %s: %s\n", what, detail.c_str());
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > bstp::border::kMaxScenarioBytes) return -1;  // from_file refuses larger files
  const std::string text(reinterpret_cast<const char*>(data), size);
  bstp::border::ScenarioDocument document;
  try {
    document = bstp::border::ScenarioDocument::from_text(text, "fuzz.yaml");
  } catch (const bstp::border::ScenarioError&) {
    return 0;  // malformed YAML, said with a location
  } catch (const std::exception& e) {
    fail("from_text threw something other than ScenarioError", e.what());
  }
  try {
    if (!document.validate().empty()) return 0;
    // What validate accepts must run: every policy resolves and compiles.
    std::vector<std::string> policies = document.policy_names();
    policies.insert(policies.begin(), "");  // the base
    for (const std::string& policy : policies) {
      const bstp::border::CompiledScenario compiled(document.resolve(policy));
      (void)compiled;
    }
  } catch (const bstp::border::ScenarioError& e) {
    fail("validate accepted a file that does not resolve", e.what());
  } catch (const std::exception& e) {
    fail("unexpected exception", e.what());
  }
  return 0;
}
