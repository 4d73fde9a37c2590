#!/usr/bin/env bash
# Stops the etcd started by Scripts/start-etcd.sh (same $BERS_ETCD_STATE_DIR) and removes its
# data, unless --keep-data (then Scripts/start-etcd.sh brings it back on the same port and data).
set -uo pipefail

state_dir="${BERS_ETCD_STATE_DIR:-${TMPDIR:-/tmp}/bers-etcd}"
pid_file="$state_dir/pid"
if [[ -f "$pid_file" ]]; then
    pid=$(cat "$pid_file")
    kill "$pid" 2>/dev/null
    for _ in $(seq 1 25); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.2
    done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null
    rm -f "$pid_file"
    echo "stop-etcd: stopped etcd (pid $pid)" >&2
else
    echo "stop-etcd: not running" >&2
fi
if [[ "${1:-}" != "--keep-data" ]]; then
    rm -rf "$state_dir/data" "$state_dir/port" "$state_dir/endpoint"
fi
