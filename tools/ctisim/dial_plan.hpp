#pragma once
// What a dialled number reaches: a directory extension, a route point, an outside number, nothing.
#include <set>
#include <string>

#include "config/directory.hpp"

namespace fgw::ctisim {

enum class Destination {
  Extension,    // a [[user]] extension of the directory
  RoutePoint,   // a [[route_point]] dn: queued to the longest-READY agent
  Outside,      // any other well-formed number: a party only the control API answers
  Unassigned,   // well formed and inside the internal dial plan, but assigned to nobody
  Invalid,      // empty, too long or with characters a phone cannot dial
};

class DialPlan {
 public:
  explicit DialPlan(const config::Directory& directory);

  Destination classify(const std::string& number) const;

  // DialedNumber is STRING[40] (GED-188.md 3.2), NUL included.
  static constexpr std::size_t kMaxDigits = 39;
  // SIMULATOR CHOICE: the internal dial plan is every number whose length matches a directory
  // extension or route point; such a number that nobody owns fails with CALL_FAILED
  // (DEST_NOT_OBTAINABLE, the guide's "Destination is Bad"). Longer or shorter numbers go out.
  bool in_internal_plan(const std::string& number) const;

 private:
  std::set<std::string> extensions_;
  std::set<std::string> route_points_;
  std::set<std::size_t> internal_lengths_;
};

}  // namespace fgw::ctisim
