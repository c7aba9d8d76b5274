#!/usr/bin/env bash
# HTTP API benchmark: wrk with keep-alive against finesse-gw and, in the same run, against nginx
# serving the very same response bytes from files. Prints requests/s, p50 and p99 for each, the
# ratio to nginx, and p99 at half of finesse-gw's peak rate.
#
#   bench/http/run.sh [BUILD_DIR]      (default build/release; DURATION=5 CONNECTIONS=32 THREADS=1)
set -euo pipefail
cd "$(dirname "$0")/../.."
BUILD_DIR=${1:-build/release}
DURATION=${DURATION:-5}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-1}
GW_THREADS=${GW_THREADS:-2}
BIN=$BUILD_DIR/gateway/daemon/finesse-gw
[ -x "$BIN" ] || { echo "build first: cmake -S . -B $BUILD_DIR -G Ninja -DCMAKE_BUILD_TYPE=Release && ninja -C $BUILD_DIR finesse-gw" >&2; exit 1; }
command -v wrk >/dev/null && command -v nginx >/dev/null || { echo "needs wrk and nginx (deploy/install-deps.sh)" >&2; exit 1; }

WORK=$(mktemp -d /tmp/fgw-bench.XXXXXX)
GW_PORT=18082
NGINX_PORT=18083
cleanup() {
  [ -n "${GW_PID:-}" ] && kill "$GW_PID" 2>/dev/null || true
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

cat >"$WORK/gw.toml" <<TOML
[http]
listen = "127.0.0.1:$GW_PORT"
threads = $GW_THREADS
max_connections = 4096
[store]
path = "$WORK/finesse.db"
[directory]
path = "deploy/sandbox/directory.toml"
[cti]
simulator = true          # in service only with an open CTI session
side_a = "127.0.0.1:18027"
[log]
level = "warn"
TOML
"$BIN" --config "$WORK/gw.toml" >"$WORK/gw.log" 2>&1 &
GW_PID=$!
for _ in $(seq 100); do curl -fsS "http://127.0.0.1:$GW_PORT/health" >/dev/null 2>&1 && break; sleep 0.1; done

ADMIN=admin:adminpw
AGENT=agent1:agent1pw
for i in 1 2 3 4 5; do
  curl -fsS -u "$ADMIN" -X POST -H 'Content-Type: application/xml' \
    --data "<ReasonCode><category>NOT_READY</category><code>$((10 + i))</code><label>Reason $i</label><forAll>true</forAll></ReasonCode>" \
    "http://127.0.0.1:$GW_PORT/finesseconfig/api/ReasonCode" >/dev/null
done

# The same bytes, served by nginx from files at the same paths.
mkdir -p "$WORK/www/finesse/api/User" "$WORK/www/finesseconfig/api"
curl -fsS -u "$AGENT" "http://127.0.0.1:$GW_PORT/finesse/api/User/1001" >"$WORK/www/finesse/api/User/1001"
curl -fsS -u "$ADMIN" "http://127.0.0.1:$GW_PORT/finesseconfig/api/ReasonCodes?category=NOT_READY" >"$WORK/www/finesseconfig/api/ReasonCodes"
cat >"$WORK/nginx.conf" <<NGINX
worker_processes $GW_THREADS;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 4096; }
http {
  access_log off;
  default_type application/xml;
  keepalive_requests 1000000;
  client_body_temp_path $WORK/tmp; proxy_temp_path $WORK/tmp; fastcgi_temp_path $WORK/tmp;
  uwsgi_temp_path $WORK/tmp; scgi_temp_path $WORK/tmp;
  server { listen 127.0.0.1:$NGINX_PORT; root $WORK/www; location / { try_files \$uri =404; } }
}
NGINX
mkdir -p "$WORK/tmp"
chmod -R a+rX "$WORK"   # nginx workers drop root and must read the files
nginx -c "$WORK/nginx.conf" -p "$WORK"
sleep 0.3

g++ -O2 -std=c++20 bench/http/paced_get.cpp -o "$WORK/paced_get"

b64() { printf '%s' "$1" | base64 -w0; }
run_wrk() {  # url auth -> "rps p50 p99 errors non2xx"
  AUTH=$(b64 "$2") wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" -s bench/http/wrk_auth.lua "$1" |
    sed -n 's/^RESULT rps=\([0-9.]*\) p50_ms=\([0-9.]*\) p99_ms=\([0-9.]*\) errors=\([0-9]*\) non2xx=\([0-9]*\)/\1 \2 \3 \4 \5/p'
}

printf '%-55s %10s %9s %9s %8s %8s\n' "target" "req/s" "p50 ms" "p99 ms" "errors" "non-2xx"
bench_pair() {  # name gw_path nginx_path auth
  read -r g_rps g_p50 g_p99 g_err g_bad < <(run_wrk "http://127.0.0.1:$GW_PORT$2" "$4")
  read -r n_rps n_p50 n_p99 n_err n_bad < <(run_wrk "http://127.0.0.1:$NGINX_PORT$3" "$4")
  local half=$((${g_rps%.*} / 2))
  # Open-loop at half the peak, latency from each request's scheduled send time (paced_get.cpp).
  read -r h_rps h_p50 h_p99 h_max h_err < <("$WORK/paced_get" 127.0.0.1 "$GW_PORT" "$2" "$(b64 "$4")" "$half" "$CONNECTIONS" "$DURATION" |
    sed -n 's/^RESULT rps=\([0-9.]*\) p50_ms=\([0-9.]*\) p99_ms=\([0-9.]*\) max_ms=\([0-9.]*\) errors=\([0-9]*\)/\1 \2 \3 \4 \5/p')
  printf '%-55s %10s %9s %9s %8s %8s\n' "finesse-gw $1" "$g_rps" "$g_p50" "$g_p99" "$g_err" "$g_bad"
  printf '%-55s %10s %9s %9s %8s %8s\n' "nginx, same bytes" "$n_rps" "$n_p50" "$n_p99" "$n_err" "$n_bad"
  printf '%-55s %10s %9s %9s %8s %8s\n' "finesse-gw paced at half peak ($half req/s)" "$h_rps" "$h_p50" "$h_p99" "$h_err" "-"
  awk -v g="$g_rps" -v n="$n_rps" -v name="$1" 'BEGIN { printf "RATIO %s finesse-gw/nginx = %.2f\n\n", name, g / n }'
}
bench_pair "GET /finesse/api/User/1001" "/finesse/api/User/1001" "/finesse/api/User/1001" "$AGENT"
bench_pair "GET /finesseconfig/api/ReasonCodes?category=NOT_READY" "/finesseconfig/api/ReasonCodes?category=NOT_READY" "/finesseconfig/api/ReasonCodes" "$ADMIN"
echo "machine: $(nproc) cores; wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s; finesse-gw threads=$GW_THREADS, nginx workers=$GW_THREADS"
