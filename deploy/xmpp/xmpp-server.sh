#!/usr/bin/env bash
# Runs a private ejabberd or Prosody instance for finesse-gw (tests, quickstart, sandbox).
#
#   xmpp-server.sh start <ejabberd|prosody> <state-dir> [--domain localhost]
#       [--component finesse.localhost] [--component2 NAME] [--secret S]
#       [--pubsub pubsub.localhost] [--c2s-port 5222] [--component-port 5275]
#       [--component2-port N] [--http-port 5280]
#   xmpp-server.sh stop <state-dir>
#   xmpp-server.sh register <state-dir> <user> <password>   # idempotent; user is the local part
#   xmpp-server.sh ctl <state-dir> <args...>                 # ejabberdctl / prosodyctl for this instance
#
# 'start' renders deploy/{ejabberd,prosody}/*.in into the state dir, starts the server in the
# foreground as a background process, waits until its c2s and component ports accept TCP, writes
# <state-dir>/server.env (sourceable KEY=value lines) and <state-dir>/server.pid, prints "ready"
# and exits 0 with the server still running. Everything listens on 127.0.0.1 only, without TLS.
# The server processes run as the ejabberd / prosody system user, so this script must run as
# root (it re-executes itself with 'sudo -n' otherwise) or as that user.
set -euo pipefail

readonly SCRIPT_PATH="$(readlink -f "$0")"
readonly DEPLOY_DIR="$(dirname "$(dirname "$SCRIPT_PATH")")"
readonly START_TIMEOUT_S=40     # ejabberd needs 2-3 s on an idle box; a loaded CI box much more
readonly STOP_TIMEOUT_S=10      # graceful stop (SIGTERM) before SIGKILL
readonly LOG_TAIL_LINES=60

die() { echo "xmpp-server: $*" >&2; exit 1; }

usage() {
  sed -n '2,10p' "$SCRIPT_PATH" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

# --- privileges --------------------------------------------------------------------------------

# The server user for a kind; both packages create these system users.
service_user() { case $1 in ejabberd) echo ejabberd ;; prosody) echo prosody ;; esac; }

ensure_privileges() {
  local kind=$1
  [ "$(id -u)" -eq 0 ] && return 0
  [ "$(id -un)" = "$(service_user "$kind")" ] && return 0
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    exec sudo -n -- "$SCRIPT_PATH" "${ORIGINAL_ARGS[@]}"
  fi
  die "must run as root (or with passwordless sudo) or as user $(service_user "$kind")"
}

# Runs a command as the service user. setpriv execs in place (no forking su/runuser in between),
# so the pid we record is the server's own process (prosody) or its wrapper (ejabberdctl).
as_service_user() {
  local kind=$1; shift
  local user; user=$(service_user "$kind")
  if [ "$(id -un)" = "$user" ]; then
    "$@"
  else
    setpriv --reuid "$user" --regid "$user" --init-groups -- "$@"
  fi
}

# The same, replacing this process (the server's pid stays the one the launcher recorded).
exec_as_service_user() {
  local kind=$1; shift
  local user; user=$(service_user "$kind")
  if [ "$(id -un)" = "$user" ]; then
    exec "$@"
  fi
  exec setpriv --reuid "$user" --regid "$user" --init-groups -- "$@"
}

# --- small helpers -----------------------------------------------------------------------------

# The server writes its database, logs and (ejabberd) Erlang cookie into the state dir.
own_state_dir() {
  local user=$1 state_dir=$2
  [ "$(id -un)" = "$user" ] && return 0
  chown -R "$user:$user" "$state_dir" || die "cannot give $state_dir to user $user"
}

port_accepts() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# A zombie (state Z) counts as gone: on boxes whose PID 1 does not reap, exited wrappers linger.
process_alive() {
  local pid=$1 state
  [ -n "$pid" ] && [ -r "/proc/$pid/stat" ] || return 1
  state=$(sed 's/^[0-9]* (.*) \([A-Za-z]\).*/\1/' "/proc/$pid/stat" 2>/dev/null) || return 1
  [ "$state" != "Z" ] && [ "$state" != "X" ]
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# Escapes a value for the right-hand side of a sed s||| command.
sed_escape() { printf '%s' "$1" | sed -e 's/[\\|&]/\\&/g'; }

load_env() {
  local state_dir=$1
  [ -f "$state_dir/server.env" ] || die "$state_dir/server.env not found (was the server started with this state dir?)"
  # shellcheck disable=SC1091
  . "$state_dir/server.env"
}

log_file_of() {
  case $1 in
    ejabberd) echo "$2/log/ejabberd.log" ;;
    prosody) echo "$2/prosody.log" ;;
  esac
}

print_log_tail() {
  local kind=$1 state_dir=$2 f
  for f in "$state_dir/server.out" "$(log_file_of "$kind" "$state_dir")" "$state_dir/prosody.err"; do
    [ -s "$f" ] || continue
    echo "----- last $LOG_TAIL_LINES lines of $f -----" >&2
    tail -n "$LOG_TAIL_LINES" "$f" >&2
  done
}

# --- rendering ---------------------------------------------------------------------------------

# render <template> <output> <component2-block-marker-prefix> NAME=value...
# Keeps the COMPONENT2 blocks when COMPONENT2 is non-empty, drops them otherwise.
render() {
  local template=$1 output=$2 marker=$3; shift 3
  local script=() keep_component2=0 pair
  for pair in "$@"; do
    script+=(-e "s|{{${pair%%=*}}}|$(sed_escape "${pair#*=}")|g")
    [ "${pair%%=*}" = COMPONENT2 ] && [ -n "${pair#*=}" ] && keep_component2=1
  done
  if [ "$keep_component2" -eq 1 ]; then
    script+=(-e "/^${marker}BEGIN COMPONENT2\$/d" -e "/^${marker}END COMPONENT2\$/d")
  else
    script+=(-e "/^${marker}BEGIN COMPONENT2\$/,/^${marker}END COMPONENT2\$/d")
  fi
  sed "${script[@]}" "$template" >"$output"
  if grep -q '{{[A-Z0-9_]*}}' "$output"; then
    die "unrendered placeholder in $output: $(grep -o '{{[A-Z0-9_]*}}' "$output" | sort -u | tr '\n' ' ')"
  fi
}

# --- ejabberd ----------------------------------------------------------------------------------

ejabberd_ctl() {
  local state_dir=$1; shift
  # HOME = state dir: Erlang keeps its cookie in $HOME/.erlang.cookie, so each instance gets its
  # own random cookie and never touches /var/lib/ejabberd.
  as_service_user ejabberd env HOME="$state_dir" ejabberdctl \
    --config-dir "$state_dir" --config "$state_dir/ejabberd.yml" \
    --ctl-config "$state_dir/ejabberdctl.cfg" --spool "$state_dir/db" --logs "$state_dir/log" "$@"
}

prepare_ejabberd() {
  local state_dir=$1
  mkdir -p "$state_dir/db" "$state_dir/log"
  render "$DEPLOY_DIR/ejabberd/ejabberd.yml.in" "$state_dir/ejabberd.yml" '#' \
    DOMAIN="$DOMAIN" COMPONENT="$COMPONENT" COMPONENT2="$COMPONENT2" SECRET="$SECRET" \
    PUBSUB="$PUBSUB" C2S_PORT="$C2S_PORT" COMPONENT_PORT="$COMPONENT_PORT" \
    COMPONENT2_PORT="$COMPONENT2_PORT" HTTP_PORT="$HTTP_PORT"
  # Without inetrc in the config dir every ctl call prints an inet_config error.
  [ -f /etc/ejabberd/inetrc ] && cp /etc/ejabberd/inetrc "$state_dir/inetrc"
  # A node name unique to this state dir, and ERL_DIST_PORT so that no epmd is started or needed:
  # the node listens for ejabberdctl on that fixed loopback port.
  DIST_PORT=$(free_port)
  NODE="fgw$(printf '%s' "$state_dir" | cksum | cut -d' ' -f1)@localhost"
  cat >"$state_dir/ejabberdctl.cfg" <<CFG
ERLANG_NODE=$NODE
ERL_DIST_PORT=$DIST_PORT
INET_DIST_INTERFACE=127.0.0.1
CFG
  own_state_dir ejabberd "$state_dir"
}

launch_ejabberd() {
  local state_dir=$1
  # setsid: the server must not be in the caller's process group (a test's Ctrl-C or a harness
  # killing its group would take it down half-way) nor hold the caller's stdout open.
  (cd "$state_dir" && exec setsid "$SCRIPT_PATH" __ejabberd_foreground "$state_dir" \
      </dev/null >"$state_dir/server.out" 2>&1) &
  WRAPPER_PID=$!
}

# The beam process's own pid (the wrapper is bash -> erl -> beam.smp). Found through its node
# name, which is unique to this state dir.
ejabberd_beam_pid() {
  local pid
  for pid in $(pgrep -u ejabberd beam.smp 2>/dev/null || true); do
    if tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "name $NODE "; then
      echo "$pid"; return 0
    fi
  done
  return 1
}

# --- prosody -----------------------------------------------------------------------------------

# Without the optional lua-unbound package prosodyctl prints a 12-line banner on stdout at every
# call; it is dropped here so that callers can parse the output. The exit status is prosodyctl's.
prosody_ctl() {
  local state_dir=$1; shift
  as_service_user prosody prosodyctl --config "$state_dir/prosody.cfg.lua" "$@" \
    | sed -e '/^\*\{26\}$/,/^\*\{26\}$/d' -e '/^$/d'
  return "${PIPESTATUS[0]}"
}

prepare_prosody() {
  local state_dir=$1 ports=$COMPONENT_PORT admins="\"$COMPONENT\""
  mkdir -p "$state_dir/data" "$state_dir/certs"
  [ -n "$COMPONENT2" ] && admins="$admins, \"$COMPONENT2\""
  [ -n "$COMPONENT2_PORT" ] && [ "$COMPONENT2_PORT" != "$COMPONENT_PORT" ] && ports="$ports, $COMPONENT2_PORT"
  render "$DEPLOY_DIR/prosody/prosody.cfg.lua.in" "$state_dir/prosody.cfg.lua" '--' \
    STATE_DIR="$state_dir" DOMAIN="$DOMAIN" COMPONENT="$COMPONENT" COMPONENT2="$COMPONENT2" \
    SECRET="$SECRET" PUBSUB="$PUBSUB" PUBSUB_ADMINS="$admins" C2S_PORT="$C2S_PORT" \
    COMPONENT_PORTS="$ports" HTTP_PORT="$HTTP_PORT"
  DIST_PORT=""
  NODE=""
  rm -f "$state_dir/prosody.pid" "$state_dir/prosody.sock"
  own_state_dir prosody "$state_dir"
}

launch_prosody() {
  local state_dir=$1
  (cd "$state_dir" && exec setsid "$SCRIPT_PATH" __prosody_foreground "$state_dir" \
      </dev/null >"$state_dir/server.out" 2>&1) &
  WRAPPER_PID=$!
}

# --- start / stop ------------------------------------------------------------------------------

parse_start_options() {
  DOMAIN=localhost COMPONENT=finesse.localhost COMPONENT2="" SECRET=secret
  PUBSUB=pubsub.localhost C2S_PORT=5222 COMPONENT_PORT=5275 COMPONENT2_PORT="" HTTP_PORT=5280
  while [ $# -gt 0 ]; do
    [ $# -ge 2 ] || die "option $1 needs a value"
    case $1 in
      --domain) DOMAIN=$2 ;;
      --component) COMPONENT=$2 ;;
      --component2) COMPONENT2=$2 ;;
      --secret) SECRET=$2 ;;
      --pubsub) PUBSUB=$2 ;;
      --c2s-port) C2S_PORT=$2 ;;
      --component-port) COMPONENT_PORT=$2 ;;
      --component2-port) COMPONENT2_PORT=$2 ;;
      --http-port) HTTP_PORT=$2 ;;
      *) die "unknown option $1" ;;
    esac
    shift 2
  done
  if [ -n "$COMPONENT2" ] && [ -z "$COMPONENT2_PORT" ]; then
    COMPONENT2_PORT=$((COMPONENT_PORT + 1))
  fi
  local port
  for port in $C2S_PORT $COMPONENT_PORT $COMPONENT2_PORT $HTTP_PORT; do
    [[ $port =~ ^[0-9]+$ ]] && [ "$port" -ge 1 ] && [ "$port" -le 65535 ] || die "bad port '$port'"
  done
}

write_env() {
  local state_dir=$1 kind=$2 pid=$3
  cat >"$state_dir/server.env.tmp" <<ENV
KIND=$kind
STATE_DIR=$state_dir
DOMAIN=$DOMAIN
COMPONENT=$COMPONENT
COMPONENT2=$COMPONENT2
SECRET=$SECRET
PUBSUB=$PUBSUB
C2S_PORT=$C2S_PORT
COMPONENT_PORT=$COMPONENT_PORT
COMPONENT2_PORT=$COMPONENT2_PORT
HTTP_PORT=$HTTP_PORT
BOSH_URL=http://127.0.0.1:$HTTP_PORT/http-bind
NODE=$NODE
DIST_PORT=$DIST_PORT
WRAPPER_PID=$WRAPPER_PID
PID=$pid
ENV
  mv "$state_dir/server.env.tmp" "$state_dir/server.env"
  echo "$pid" >"$state_dir/server.pid"
}

# Waits until every port accepts TCP; fails early if the server process exits meanwhile.
wait_until_listening() {
  local kind=$1 state_dir=$2; shift 2
  local deadline=$((SECONDS + START_TIMEOUT_S)) port
  for port in "$@"; do
    until port_accepts "$port"; do
      if ! process_alive "$WRAPPER_PID"; then
        echo "xmpp-server: $kind exited during start-up" >&2
        print_log_tail "$kind" "$state_dir"
        exit 1
      fi
      if [ $SECONDS -ge $deadline ]; then
        echo "xmpp-server: $kind did not accept TCP on port $port within ${START_TIMEOUT_S} s" >&2
        print_log_tail "$kind" "$state_dir"
        kill_instance "$WRAPPER_PID" "$(server_pid_now "$kind" || true)"
        exit 1
      fi
      sleep 0.1
    done
  done
}

server_pid_now() {
  case $1 in
    ejabberd) ejabberd_beam_pid ;;
    prosody) echo "$WRAPPER_PID" ;;   # setpriv exec'd prosody in place
  esac
}

cmd_start() {
  [ $# -ge 2 ] || usage
  local kind=$1 state_dir=$2; shift 2
  case $kind in ejabberd|prosody) ;; *) die "kind must be ejabberd or prosody, not '$kind'" ;; esac
  command -v "$( [ "$kind" = ejabberd ] && echo ejabberdctl || echo prosody)" >/dev/null \
    || die "$kind is not installed (deploy/install-deps.sh installs it)"
  ensure_privileges "$kind"
  parse_start_options "$@"
  mkdir -p "$state_dir"
  state_dir=$(readlink -f "$state_dir")
  if [ -f "$state_dir/server.pid" ] && process_alive "$(cat "$state_dir/server.pid")"; then
    die "a server is already running for $state_dir (pid $(cat "$state_dir/server.pid"))"
  fi
  local ports=("$C2S_PORT" "$COMPONENT_PORT" ${COMPONENT2_PORT:+"$COMPONENT2_PORT"} "$HTTP_PORT") port
  for port in "${ports[@]}"; do
    port_accepts "$port" && die "port $port is already in use on 127.0.0.1"
  done
  chmod 755 "$state_dir"   # the service user must be able to enter it
  "prepare_$kind" "$state_dir"
  "launch_$kind" "$state_dir"
  wait_until_listening "$kind" "$state_dir" "${ports[@]}"
  local pid
  pid=$(server_pid_now "$kind") || die "$kind is listening but its process was not found"
  write_env "$state_dir" "$kind" "$pid"
  echo ready
}

# SIGTERM (both servers stop gracefully on it), SIGKILL after STOP_TIMEOUT_S.
kill_instance() {
  local wrapper=$1 pid=$2 deadline=$((SECONDS + STOP_TIMEOUT_S))
  [ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null || true
  while { process_alive "$pid" || process_alive "$wrapper"; } && [ $SECONDS -lt $deadline ]; do
    sleep 0.1
  done
  if process_alive "$pid" || process_alive "$wrapper"; then
    echo "xmpp-server: still running after ${STOP_TIMEOUT_S} s; killing pid $pid" >&2
    kill -KILL "$pid" "$wrapper" 2>/dev/null || true
    sleep 0.2
  fi
}

cmd_stop() {
  [ $# -eq 1 ] || usage
  local state_dir; state_dir=$(readlink -f "$1")
  load_env "$state_dir"
  ensure_privileges "$KIND"
  if ! process_alive "$PID" && ! process_alive "$WRAPPER_PID"; then
    echo "xmpp-server: not running ($state_dir)"
    rm -f "$state_dir/server.pid"
    return 0
  fi
  kill_instance "$WRAPPER_PID" "$PID"
  rm -f "$state_dir/server.pid"
  echo stopped
}

cmd_ctl() {
  [ $# -ge 1 ] || usage
  local state_dir; state_dir=$(readlink -f "$1"); shift
  load_env "$state_dir"
  ensure_privileges "$KIND"
  "${KIND}_ctl" "$state_dir" "$@"
}

cmd_register() {
  [ $# -eq 3 ] || usage
  local state_dir user=$2 password=$3 out
  state_dir=$(readlink -f "$1")
  load_env "$state_dir"
  ensure_privileges "$KIND"
  case $KIND in
    ejabberd)
      # 'register' refuses an existing account; then set the password so the result is the same.
      if out=$(ejabberd_ctl "$state_dir" register "$user" "$DOMAIN" "$password" 2>&1); then
        echo "$out"
      elif grep -q "already registered" <<<"$out"; then
        ejabberd_ctl "$state_dir" change_password "$user" "$DOMAIN" "$password"
        echo "User $user@$DOMAIN already registered; password set"
      else
        die "register $user@$DOMAIN failed: $out"
      fi
      ;;
    prosody)
      # prosodyctl register overwrites an existing account's password: idempotent as it is.
      prosody_ctl "$state_dir" register "$user" "$DOMAIN" "$password"
      echo "User $user@$DOMAIN registered"
      ;;
  esac
}

# --- internal entry points (run inside the detached session) ------------------------------------

internal_ejabberd_foreground() {
  local state_dir=$1
  exec_as_service_user ejabberd env HOME="$state_dir" ejabberdctl \
    --config-dir "$state_dir" --config "$state_dir/ejabberd.yml" \
    --ctl-config "$state_dir/ejabberdctl.cfg" --spool "$state_dir/db" --logs "$state_dir/log" foreground
}

internal_prosody_foreground() {
  local state_dir=$1
  exec_as_service_user prosody prosody --config "$state_dir/prosody.cfg.lua"
}

ORIGINAL_ARGS=("$@")
[ $# -ge 1 ] || usage
command=$1; shift
case $command in
  start) cmd_start "$@" ;;
  stop) cmd_stop "$@" ;;
  register) cmd_register "$@" ;;
  ctl) cmd_ctl "$@" ;;
  __ejabberd_foreground) internal_ejabberd_foreground "$@" ;;
  __prosody_foreground) internal_prosody_foreground "$@" ;;
  -h|--help|help) usage ;;
  *) usage ;;
esac
