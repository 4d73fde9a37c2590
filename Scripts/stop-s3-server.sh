#!/usr/bin/env bash
# Stops the server started by Scripts/start-s3-server.sh (same $BERS_S3_STATE_DIR).
set -uo pipefail

state_dir="${BERS_S3_STATE_DIR:-${TMPDIR:-/tmp}/bers-s3-server}"
pid_file="$state_dir/pid"
if [[ ! -f "$pid_file" ]]; then
    echo "stop-s3-server: not running" >&2
    exit 0
fi
pid=$(cat "$pid_file")
kill "$pid" 2>/dev/null
for _ in $(seq 1 25); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
done
if kill -0 "$pid" 2>/dev/null; then
    kill -9 "$pid" 2>/dev/null
fi
rm -f "$pid_file" "$state_dir/endpoint"
echo "stop-s3-server: stopped moto (pid $pid)" >&2
