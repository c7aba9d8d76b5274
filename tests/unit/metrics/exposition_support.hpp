#pragma once
// Reading the text exposition in tests: a whole line, so that `..._total 1` does not also match
// `..._total 12`, and `{side="a"}` does not match a prefix of another series.
#include <gmock/gmock.h>

#include <sstream>
#include <string>
#include <vector>

namespace fgw::metrics::test {

inline std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// The exposition has this exact line.
MATCHER_P(HasLine, line, "has the line " + ::testing::PrintToString(std::string(line))) {
  for (const auto& candidate : lines_of(arg))
    if (candidate == line) return true;
  return false;
}

// Some line starts with this series name (followed by a space or '{').
inline bool has_series(const std::string& text, const std::string& name) {
  for (const auto& line : lines_of(text))
    if (line.rfind(name + " ", 0) == 0 || line.rfind(name + "{", 0) == 0) return true;
  return false;
}

}  // namespace fgw::metrics::test
