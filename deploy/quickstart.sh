#!/usr/bin/env bash
# Sets everything up and runs the gateway in sandbox mode: installs the Debian packages, builds,
# (re)starts a private ejabberd on loopback and provisions the demo agents' XMPP accounts,
# (re)starts finesse-gw in the background with the sandbox config and demo directory (embedded
# CTI simulator), waits until it is in service, and prints the URLs and the demo credentials.
set -euo pipefail
cd "$(dirname "$0")/.."

CONFIG=deploy/sandbox/finesse-gw.toml
RUN_DIR=var/sandbox
PID_FILE=$RUN_DIR/finesse-gw.pid
LOG_FILE=$RUN_DIR/finesse-gw.log
BUILD_DIR=build/release
XMPP_DIR=$RUN_DIR/xmpp

deploy/install-deps.sh
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release -DFGW_BUILD_TESTS=OFF >/dev/null
cmake --build "$BUILD_DIR" --target finesse-gw finesse-ctisim -j"$(nproc)"

mkdir -p "$RUN_DIR"
if [ -f "$PID_FILE" ] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null; then
  echo "quickstart: stopping the running sandbox gateway (pid $(cat "$PID_FILE"))"
  kill "$(cat "$PID_FILE")"
  for _ in $(seq 50); do kill -0 "$(cat "$PID_FILE")" 2>/dev/null || break; sleep 0.1; done
fi
"$BUILD_DIR/gateway/daemon/finesse-gw" --check-config --config "$CONFIG"

# A private ejabberd with the project's config, then the demo agents' accounts and their roster
# item for finesse@finesse.localhost (docs/provisioning.md).
if [ -f "$XMPP_DIR/server.pid" ]; then deploy/xmpp/xmpp-server.sh stop "$XMPP_DIR" >/dev/null || true; fi
deploy/xmpp/xmpp-server.sh start ejabberd "$XMPP_DIR" --domain localhost --component finesse.localhost \
  --secret sandbox-secret --pubsub pubsub.localhost --c2s-port 5222 --component-port 5275 --http-port 5280
"$BUILD_DIR/gateway/daemon/finesse-gw" provision --config "$CONFIG" --apply ejabberd --api http://127.0.0.1:5280/api

nohup "$BUILD_DIR/gateway/daemon/finesse-gw" --config "$CONFIG" >"$LOG_FILE" 2>&1 &
echo $! >"$PID_FILE"

for _ in $(seq 100); do
  # 200 only once the gateway has an open CTI session and its XMPP component is connected.
  if curl -fsS http://127.0.0.1:8082/health >/dev/null 2>&1; then break; fi
  if ! kill -0 "$(cat "$PID_FILE")" 2>/dev/null; then
    echo "quickstart: finesse-gw exited; its log:" >&2
    cat "$LOG_FILE" >&2
    exit 1
  fi
  sleep 0.1
done

# Demo reason codes and wrap-up reasons, through the configuration API, on a fresh store only.
API=http://127.0.0.1:8082/finesseconfig/api
if curl -fsS -u admin:adminpw "$API/ReasonCodes?category=NOT_READY" | grep -q '<ReasonCodes category="NOT_READY"/>'; then
  post() { curl -fsS -o /dev/null -u admin:adminpw -X POST -H 'Content-Type: application/xml' --data "$2" "$API/$1"; }
  post ReasonCode '<ReasonCode><category>NOT_READY</category><code>10</code><label>Lunch</label><forAll>true</forAll></ReasonCode>'
  post ReasonCode '<ReasonCode><category>NOT_READY</category><code>11</code><label>Team meeting</label><forAll>true</forAll></ReasonCode>'
  post ReasonCode '<ReasonCode><category>LOGOUT</category><code>20</code><label>End of shift</label><forAll>true</forAll></ReasonCode>'
  post WrapUpReason '<WrapUpReason><label>Sale made</label><forAll>true</forAll></WrapUpReason>'
  post WrapUpReason '<WrapUpReason><label>Follow-up needed</label><forAll>true</forAll></WrapUpReason>'
fi

cat <<MSG

finesse-gw is running in sandbox mode (pid $(cat "$PID_FILE"), log $LOG_FILE).

  Desktop API:        http://127.0.0.1:8082/finesse/api/
  Configuration API:  http://127.0.0.1:8082/finesseconfig/api/
  Health:             http://127.0.0.1:8082/health
  CTI simulator:      GED-188 side A 127.0.0.1:42027, side B 127.0.0.1:43027 (in-process)
  Simulator control:  http://127.0.0.1:42100/agents  (docs/ctisim.md)
  XMPP (ejabberd):    c2s 127.0.0.1:5222, BOSH http://127.0.0.1:5280/http-bind, pubsub.localhost
                      agents log in as 1001@localhost / agent1pw ... and receive their events on
                      /finesse/api/User/1001 and /finesse/api/User/1001/Dialogs (docs/xmpp.md)

Demo credentials (Basic auth; id or login name):
  administrator  admin / adminpw          (configuration APIs, any User)
  supervisor     supervisor1 / supervisor1pw   (id 2001, supervises teams 1 and 2)
  agents         agent1 / agent1pw (1001), agent2 / agent2pw (1002), agent3 / agent3pw (1003)

Try (the quickstart created demo reason codes and wrap-up reasons on first start):
  curl -u admin:adminpw 'http://127.0.0.1:8082/finesseconfig/api/ReasonCodes?category=NOT_READY'
  curl -u agent1:agent1pw http://127.0.0.1:8082/finesse/api/User/1001
  curl -u agent1:agent1pw -X PUT -H 'Content-Type: application/xml' \\
       -d '<User><state>LOGIN</state><extension>1001</extension></User>' http://127.0.0.1:8082/finesse/api/User/1001
  curl -X POST http://127.0.0.1:42100/calls -d '{"from":"5551000","to":"1001"}'   # ring agent 1001
  curl -X POST http://127.0.0.1:42100/sides/a/down     # fail over to side B; /health stays IN_SERVICE

Stop it with: kill \$(cat $PID_FILE); deploy/xmpp/xmpp-server.sh stop $XMPP_DIR
MSG
