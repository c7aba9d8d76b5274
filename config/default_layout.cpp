#include "config/default_layout.hpp"

namespace fgw::config {

// Both roles get the call control gadget on the page and the home and manageCall tabs of the
// guide's 4.4 example; supervisors also see team performance on their home tab.
const std::string& default_layout_xml() {
  static const std::string layout = R"(<?xml version="1.0" encoding="UTF-8"?>
<finesseLayout xmlns="http://www.cisco.com/vtg/finesse">
  <layout>
    <role>Agent</role>
    <page>
      <gadget>http://localhost/desktop/gadgets/CallControl.xml</gadget>
    </page>
    <tabs>
      <tab>
        <id>home</id>
        <label>Home</label>
      </tab>
      <tab>
        <id>manageCall</id>
        <label>Manage Call</label>
      </tab>
    </tabs>
  </layout>
  <layout>
    <role>Supervisor</role>
    <page>
      <gadget>http://localhost/desktop/gadgets/CallControl.xml</gadget>
    </page>
    <tabs>
      <tab>
        <id>home</id>
        <label>Home</label>
        <gadgets>
          <gadget>http://localhost/desktop/gadgets/TeamPerformance.xml</gadget>
        </gadgets>
      </tab>
      <tab>
        <id>manageCall</id>
        <label>Manage Call</label>
      </tab>
    </tabs>
  </layout>
</finesseLayout>
)";
  return layout;
}

}  // namespace fgw::config
