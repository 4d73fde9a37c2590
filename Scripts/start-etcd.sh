#!/usr/bin/env bash
# Starts one etcd (v3.4, Debian's etcd-server) on loopback for the etcd store tests and the fleet
# test.
#
#   eval "$(Scripts/start-etcd.sh)"      # exports BERS_TEST_ETCD_ENDPOINT=http://127.0.0.1:PORT
#   swift test --filter Etcd
#   Scripts/stop-etcd.sh                 # stops it; --keep-data keeps its data for a restart
#
# PORT is the first argument, else $BERS_ETCD_PORT, else the port of the last run in the same
# state directory (so a restart after Scripts/stop-etcd.sh --keep-data comes back where it was),
# else a free port. etcd-server is installed with apt-get when missing. The process id, log, data
# and endpoint are kept in $BERS_ETCD_STATE_DIR (default: $TMPDIR/bers-etcd). Only 127.0.0.1 is
# ever bound. stdout carries the export line only; messages go to stderr.
set -euo pipefail

state_dir="${BERS_ETCD_STATE_DIR:-${TMPDIR:-/tmp}/bers-etcd}"
mkdir -p "$state_dir"

if [[ -f "$state_dir/pid" ]] && kill -0 "$(cat "$state_dir/pid")" 2>/dev/null; then
    echo "start-etcd: already running (pid $(cat "$state_dir/pid"))" >&2
    echo "export BERS_TEST_ETCD_ENDPOINT=$(cat "$state_dir/endpoint")"
    exit 0
fi

if ! command -v etcd >/dev/null; then
    echo "start-etcd: installing etcd-server with apt-get" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -qq etcd-server >&2 || { apt-get update -qq >&2 && apt-get install -y -qq etcd-server >&2; }
fi

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
port="${1:-${BERS_ETCD_PORT:-$(cat "$state_dir/port" 2>/dev/null || free_port)}}"
peer_port=$(free_port)
endpoint="http://127.0.0.1:$port"

# The Debian package's service may start one on the default ports; ours never uses them.
nohup etcd --name bers-test --data-dir "$state_dir/data" \
    --listen-client-urls "$endpoint" --advertise-client-urls "$endpoint" \
    --listen-peer-urls "http://127.0.0.1:$peer_port" --initial-advertise-peer-urls "http://127.0.0.1:$peer_port" \
    --initial-cluster "bers-test=http://127.0.0.1:$peer_port" \
    >"$state_dir/etcd.log" 2>&1 &
pid=$!
echo "$pid" >"$state_dir/pid"
echo "$port" >"$state_dir/port"
echo "$endpoint" >"$state_dir/endpoint"

for _ in $(seq 1 150); do
    if ! kill -0 "$pid" 2>/dev/null; then
        echo "start-etcd: etcd exited; its log:" >&2
        tail -20 "$state_dir/etcd.log" >&2
        rm -f "$state_dir/pid"
        exit 1
    fi
    if curl -s -m 1 -X POST "$endpoint/v3/kv/range" -d '{"key":"AA=="}' 2>/dev/null | grep -q '"header"'; then
        echo "start-etcd: etcd (pid $pid) answers at $endpoint" >&2
        echo "export BERS_TEST_ETCD_ENDPOINT=$endpoint"
        exit 0
    fi
    sleep 0.2
done

echo "start-etcd: etcd did not answer at $endpoint within 30 s; its log:" >&2
tail -20 "$state_dir/etcd.log" >&2
kill "$pid" 2>/dev/null || true
rm -f "$state_dir/pid"
exit 1
