// What to say about a word that is not one of the words allowed: the list of those, or the one
// the writer probably meant ("did you mean 'kind'?").
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bstp::config {

// `s` in lower case (ASCII letters only: keys and words of the formats are ASCII).
std::string lower_case(std::string_view s);
// "a, b, c"; a long list is cut after `at_most` names ("a, b, ... (40 in all)").
std::string list_names(const std::vector<std::string>& names, std::size_t at_most = 20);
// Optimal string alignment distance: insertions, deletions, substitutions and transpositions of
// neighbours each cost 1, so "kidn" is 1 away from "kind".
std::size_t edit_distance(std::string_view a, std::string_view b);
// The candidate closest to `word` by edit distance (ignoring case), when it is close enough to
// be a likely typo.
std::optional<std::string> closest(std::string_view word, const std::vector<std::string>& candidates);
// " (did you mean 'kind'?)" when a candidate is close to `word`, else "".
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);
// "unknown key (did you mean 'kind'?)", or "unknown key (expected one of: a, b, c)" without a close one.
std::string unknown_key_message(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace bstp::config
