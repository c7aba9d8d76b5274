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
)
BENCH_PKGS=(
  wrk nginx-light
)

missing=()
for pkg in "${BUILD_PKGS[@]}" "${TEST_PKGS[@]}" "${BENCH_PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all packages present"
  exit 0
fi

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
# nginx-light's package starts a system nginx on :80; the benchmark runs its own instance.
if command -v systemctl >/dev/null 2>&1; then $SUDO systemctl disable --now nginx >/dev/null 2>&1 || true; fi
$SUDO pkill -x nginx 2>/dev/null || true
echo "install-deps: done"
