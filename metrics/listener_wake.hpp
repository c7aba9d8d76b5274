#pragma once
// Stopping prometheus-cpp's Exposer quickly. civetweb's accept loop polls its listening socket
// with a 2 s quantum and notices mg_stop() only when that poll returns, so destroying the Exposer
// takes up to 2 s -- on every daemon shutdown. A connection to the listener makes the poll return
// at once; this runs the stop while connecting to the listener every few milliseconds.
#include <cstdint>
#include <functional>
#include <string>

namespace fgw::metrics {

// `host` as configured (a wildcard address is reached over loopback). A host that is not a
// numeric address is not poked: the stop then simply takes civetweb's time.
void stop_with_wake_ups(const std::string& host, std::uint16_t port, const std::function<void()>& stop);

}  // namespace fgw::metrics
