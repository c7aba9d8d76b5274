// XMPP component figures on a real server started by deploy/xmpp/xmpp-server.sh:
//   component_bench <ejabberd|prosody> [users=2000] [burst=20000] [paced_rate=200] [paced_count=2000]
// 1. bootstrap: create+configure, member affiliations and owner subscriptions for `users` users
//    (2 nodes each, plus teams of 100 and SystemInfo), first on an empty server, then again with
//    every node existing (the reconnect case);
// 2. publish() -> event at the agent's client, paced at `paced_rate`/s, p50/p90/p99/max;
// 3. sustained publishes/s: `burst` User updates over all users' nodes, pushed at once, until acked.
// NOTES.md figures (same box, bare gloox publisher) are printed as the reference.
#include <algorithm>
#include <cstdio>
#include <numeric>
#include <sstream>

#include <spdlog/spdlog.h>

#include <gloox/component.h>
#include <gloox/iqhandler.h>

#include "component/stanzas.hpp"
#include "component/xmpp_component.hpp"
#include "xmpp_test_support.hpp"

using namespace fgw;
using namespace fgw::component;
using namespace fgw::component::itest;
using Clock = std::chrono::steady_clock;

namespace {

std::string directory_toml(int users) {
  std::ostringstream out;
  for (int t = 0; t < (users + 99) / 100; ++t) out << "[[team]]\nid = \"t" << t << "\"\nname = \"T" << t << "\"\n";
  for (int u = 0; u < users; ++u)
    out << "[[user]]\nid = \"b" << u << "\"\nlogin_name = \"l" << u << "\"\npassword = \"pw\"\nroles = [\"Agent\"]\nteam = \"t"
        << u / 100 << "\"\n";
  return out.str();
}

std::string user_payload(const std::string& id, const std::string& stamp) {
  return "<Update><data><user><uri>/finesse/api/User/" + id + "</uri><loginId>" + id +
         "</loginId><firstName>Bench</firstName><lastName>Agent</lastName><state>READY</state><stateChangeTime>" + stamp +
         "</stateChangeTime><extension>" + id +
         "</extension></user></data><event>PUT</event><requestId></requestId><source>/finesse/api/User/" + id +
         "</source></Update>";
}

std::unique_ptr<XmppComponent> make_component(const XmppServer& server, NodePlan plan) {
  ComponentOptions options;
  options.xmpp.server = config::Endpoint{"127.0.0.1", server.component_port};
  options.xmpp.component = server.component;
  options.xmpp.secret = server.secret;
  options.xmpp.domain = server.domain;
  options.xmpp.pubsub = server.pubsub;
  auto component = std::make_unique<XmppComponent>(options, std::move(plan), nullptr, nullptr);
  component->start();
  return component;
}

double wait_bootstrap(XmppComponent& component) {
  if (!eventually([&] { return component.stats().bootstrapped; }, std::chrono::seconds(120)))
    throw std::runtime_error("bootstrap did not finish within 120 s");
  return component.stats().last_bootstrap_seconds;
}

std::string load_average() {
  std::string out;
  run_command("cut -d' ' -f1-3 /proc/loadavg", &out);
  return out;
}

// The same-run reference: a bare gloox Component publishing the same updates with the same
// window straight from one loop (no queue, no threads), as in NOTES.md's feasibility check.
class BarePublisher : gloox::ConnectionListener, gloox::IqHandler {
 public:
  double publishes_per_second(const XmppServer& server, int users, int count, std::size_t window) {
    gloox::Component c(gloox::XMLNS_COMPONENT_ACCEPT, "127.0.0.1", server.component, server.secret, server.component_port);
    c.setTls(gloox::TLSDisabled);
    c.registerConnectionListener(this);
    if (!c.connect(false)) return 0;
    while (!connected_) if (c.recv(10000) != gloox::ConnNoError) return 0;
    int sent = 0;
    const auto start = Clock::now();
    while (acked_ < count) {
      while (sent < count && static_cast<std::size_t>(sent - acked_) < window) {
        const std::string id = "b" + std::to_string(sent % users);
        auto iq = pubsub_set(server.component, server.pubsub,
                             publish_payload("/finesse/api/User/" + id, "ref-" + std::to_string(sent), user_payload(id, "r")));
        c.send(*iq, this, sent);
        ++sent;
      }
      if (c.recv(1000) != gloox::ConnNoError) return 0;
    }
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    c.disconnect();
    return count / seconds;
  }

 private:
  void onConnect() override { connected_ = true; }
  void onDisconnect(gloox::ConnectionError) override {}
  bool onTLSConnect(const gloox::CertInfo&) override { return false; }
  bool handleIq(const gloox::IQ&) override { return false; }
  void handleIqID(const gloox::IQ&, int) override { ++acked_; }
  bool connected_ = false;
  int acked_ = 0;
};

double percentile(std::vector<double> values, double p) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  return values[std::min(values.size() - 1, static_cast<std::size_t>(p * values.size()))];
}

}  // namespace

int run(int argc, char** argv);

// Exceptions end the run through the destructors, so the server is always stopped.
int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "component_bench: %s\n", e.what());
    return 1;
  }
}

int run(int argc, char** argv) {
  const std::string kind = argc > 1 ? argv[1] : "ejabberd";
  const int users = argc > 2 ? std::atoi(argv[2]) : 2000;
  const int burst = argc > 3 ? std::atoi(argv[3]) : 20000;
  const int paced_rate = argc > 4 ? std::atoi(argv[4]) : 200;
  const int paced_count = argc > 5 ? std::atoi(argv[5]) : 2000;
  spdlog::set_level(spdlog::level::warn);

  XmppServer server(kind);
  server.register_user("b0", "pw");
  const auto directory = config::Directory::parse(directory_toml(users), "bench", config::HashCost::Minimal);
  const auto plan = plan_nodes(directory, server.domain);
  std::printf("server %s, %d users, %zu nodes\n", kind.c_str(), users, plan.nodes.size());

  auto component = make_component(server, plan);
  const double first = wait_bootstrap(*component);
  component.reset();
  component = make_component(server, plan);
  const double again = wait_bootstrap(*component);
  const auto ops = plan.nodes.size() + 2 * users + 1;  // creates + affiliations + subscriptions (SystemInfo chunked)
  std::printf("bootstrap (empty server): %.3f s (about %zu IQs, %.0f IQ/s)\n", first, ops, ops / first);
  std::printf("bootstrap (nodes exist):  %.3f s (bootstrap failures %llu)\n", again,
              static_cast<unsigned long long>(component->stats().bootstrap_failures));
  std::printf("  reference NOTES.md ejabberd: 2000 creates + 2000 subscribes in 0.75 s; Prosody 2.3 s\n");

  AgentClient agent(server, "b0", "pw", "bench");
  if (!agent.wait_connected()) {
    std::fprintf(stderr, "agent b0 cannot log in\n");
    return 1;
  }

  // Paced: publish() -> event at the client, the send time carried in the payload.
  {
    agent.clear();
    const auto ack_before = component->stats().publish_ack_latency;
    const std::string node = "/finesse/api/User/b0/Dialogs";
    const auto period = std::chrono::nanoseconds(1'000'000'000LL / paced_rate);
    const auto origin = Clock::now();
    std::vector<Clock::time_point> sent(paced_count);
    for (int i = 0; i < paced_count; ++i) {
      std::this_thread::sleep_until(origin + i * period);
      sent[i] = Clock::now();
      component->publish({{node, node, "POST", "<Update><seq>" + std::to_string(i) + "</seq></Update>", ""}});
    }
    agent.wait_for([&] { return agent.events_of(node).size() >= static_cast<std::size_t>(paced_count); },
                   std::chrono::seconds(60));
    std::vector<double> latencies_ms;
    for (const auto& event : agent.events_of(node)) {
      const auto begin = event.text.find("<seq>") + 5;
      const int seq = std::atoi(event.text.c_str() + begin);
      latencies_ms.push_back(std::chrono::duration<double, std::milli>(event.received - sent[seq]).count());
    }
    std::printf("paced %d/s, %d items, %zu received: publish->event p50 %.2f ms, p90 %.2f, p99 %.2f, max %.2f\n",
                paced_rate, paced_count, latencies_ms.size(), percentile(latencies_ms, 0.5), percentile(latencies_ms, 0.9),
                percentile(latencies_ms, 0.99), percentile(latencies_ms, 1.0));
    const auto ack_after = component->stats().publish_ack_latency;
    const auto acks = ack_after.count - ack_before.count;
    const auto within_10ms = ack_after.cumulative[4] - ack_before.cumulative[4];
    std::printf("  same run, publish IQ ack (server round trip): mean %.2f ms, %.1f%% within 10 ms; load average %s",
                1000 * (ack_after.sum_seconds - ack_before.sum_seconds) / std::max<std::uint64_t>(1, acks),
                100.0 * within_10ms / std::max<std::uint64_t>(1, acks), load_average().c_str());
    std::printf("  reference NOTES.md 200/s paced (bare gloox): ejabberd p50 0.64 p99 0.81 ms; Prosody p50 0.54 p99 5.0 ms\n");
  }
  std::this_thread::sleep_for(std::chrono::seconds(1));

  // Sustained: everything pushed at once, the window (64) keeps the server busy.
  {
    const auto before = component->stats().published;
    const auto start = Clock::now();
    for (int i = 0; i < burst; i += 100) {
      std::vector<desk::Notification> batch;
      for (int j = i; j < std::min(burst, i + 100); ++j) {
        const std::string id = "b" + std::to_string(j % users);
        batch.push_back({"/finesse/api/User/" + id, "/finesse/api/User/" + id, "PUT", user_payload(id, std::to_string(j)), ""});
      }
      component->publish(std::move(batch));
    }
    eventually([&] { return component->stats().published - before >= static_cast<std::uint64_t>(burst); },
               std::chrono::seconds(120));
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    const auto stats = component->stats();
    std::printf("sustained: %d publishes acked in %.3f s = %.0f publishes/s (failures %llu, ack latency mean %.2f ms)\n",
                burst, seconds, burst / seconds, static_cast<unsigned long long>(stats.publish_failures),
                1000 * stats.publish_ack_latency.sum_seconds / std::max<std::uint64_t>(1, stats.publish_ack_latency.count));
    std::printf("  reference NOTES.md: ejabberd ~9,500/s (W=100), Prosody ~2,600/s\n");
  }

  component->stop();
  component.reset();
  std::this_thread::sleep_for(std::chrono::seconds(1));
  BarePublisher reference;
  std::printf("  same run, bare gloox reference (W=64, one loop, same payloads): %.0f publishes/s; load average %s",
              reference.publishes_per_second(server, users, burst, 64), load_average().c_str());
  return 0;
}
