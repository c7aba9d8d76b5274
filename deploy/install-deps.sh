#!/usr/bin/env bash
# Installs every Debian 12 package that finesse-gw needs to build, test and benchmark.
# Idempotent: packages already present are skipped by apt, and apt-get update runs only
# when something is actually missing.
set -euo pipefail

BUILD_PKGS=(
  build-essential cmake ninja-build ccache pkg-config
  libboost1.81-dev            # Beast/Asio: 1.74 lacks http::message_generator
  libpugixml-dev libgloox-dev prometheus-cpp-dev libsqlite3-dev
  libtomlplusplus-dev libspdlog-dev libfmt-dev libsodium-dev libssl-dev
  libgtest-dev libgmock-dev
  clang libclang-rt-14-dev    # libFuzzer and sanitizer runtimes
)
TEST_PKGS=(
  curl python3 sqlite3 openssl
  ejabberd prosody              # private XMPP servers for the integration tests (deploy/xmpp/xmpp-server.sh)
  python3-slixmpp               # tests/clients/xmpp_agent.py
  prometheus                    # promtool, to check the alert rules (tests/deploy/check_deploy_assets.sh)
  python3-yaml                  # that check reads the rule files
)
# The BOSH test client (tests/clients/bosh) needs Node.js >= 18 and npm. A Node installed from
# outside Debian (nvm, NodeSource) is fine; Debian's is used only when there is none.
command -v npm >/dev/null 2>&1 || TEST_PKGS+=(nodejs npm)
BENCH_PKGS=(
  wrk nginx-light
)

missing=()
for pkg in "${BUILD_PKGS[@]}" "${TEST_PKGS[@]}" "${BENCH_PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all packages present"
else
  echo "install-deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
  # nginx-light's package starts a system nginx on :80; the benchmark runs its own instance.
  if command -v systemctl >/dev/null 2>&1; then $SUDO systemctl disable --now nginx >/dev/null 2>&1 || true; fi
  $SUDO pkill -x nginx 2>/dev/null || true
fi

# The ejabberd, prosody and prometheus packages enable (and may start) system services (5222,
# 5269, 5275, 5280; prometheus 9090).
# Tests and the quickstart run private instances instead, so the system ones must not
# run or hold those ports. Stopped through the service manager, never by process name, which
# would also hit the private instances.
for service in ejabberd prosody prometheus; do
  dpkg-query -W -f='${Status}' "$service" 2>/dev/null | grep -q "install ok installed" || continue
  if command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
    $SUDO systemctl disable --now "$service" >/dev/null 2>&1 || true
  elif [ -x "/etc/init.d/$service" ]; then
    $SUDO "/etc/init.d/$service" stop >/dev/null 2>&1 || true
    $SUDO update-rc.d "$service" disable >/dev/null 2>&1 || true
  fi
done

# The BOSH test client's npm packages (pinned by package-lock.json). npm ci only when the lock
# file changed since the last install, so re-running is quick and works offline from the cache.
BOSH_CLIENT="$(dirname "$0")/../tests/clients/bosh"
if [ ! -f "$BOSH_CLIENT/node_modules/.package-lock.json" ] ||
   [ "$BOSH_CLIENT/package-lock.json" -nt "$BOSH_CLIENT/node_modules/.package-lock.json" ]; then
  echo "install-deps: npm ci in tests/clients/bosh"
  (cd "$BOSH_CLIENT" && npm ci --prefer-offline --no-audit --no-fund --loglevel=error)
fi
echo "install-deps: done"
