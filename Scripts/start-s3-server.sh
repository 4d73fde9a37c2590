#!/usr/bin/env bash
# Starts an S3-compatible server (moto) on loopback for the BERSRemoteStores tests and benchmarks.
#
#   eval "$(Scripts/start-s3-server.sh)"      # exports BERS_TEST_S3_ENDPOINT=http://127.0.0.1:PORT
#   swift test --filter BERSRemoteStoresTests
#   Scripts/stop-s3-server.sh
#
# PORT is the first argument, else $BERS_S3_PORT, else a free port. moto[server] is installed
# with pip when missing. The process id, log and endpoint are kept in $BERS_S3_STATE_DIR
# (default: $TMPDIR/bers-s3-server). Only 127.0.0.1 is ever bound. stdout carries the export
# line only; messages go to stderr.
set -euo pipefail

state_dir="${BERS_S3_STATE_DIR:-${TMPDIR:-/tmp}/bers-s3-server}"
mkdir -p "$state_dir"

if [[ -f "$state_dir/pid" ]] && kill -0 "$(cat "$state_dir/pid")" 2>/dev/null; then
    echo "start-s3-server: already running (pid $(cat "$state_dir/pid"))" >&2
    echo "export BERS_TEST_S3_ENDPOINT=$(cat "$state_dir/endpoint")"
    exit 0
fi

python=$(command -v python3 || true)
if [[ -z "$python" ]]; then
    echo "start-s3-server: python3 is required" >&2
    exit 1
fi
# The interpreter itself rather than a shim (pyenv), so that the recorded pid is moto's.
python=$("$python" -c 'import sys; print(sys.executable)')

if ! "$python" -c 'import moto.server, flask, flask_cors' 2>/dev/null; then
    echo "start-s3-server: installing moto[server] with pip" >&2
    "$python" -m pip install --quiet --disable-pip-version-check 'moto[server]' >&2
fi

port="${1:-${BERS_S3_PORT:-}}"
if [[ -z "$port" ]]; then
    port=$("$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
fi
endpoint="http://127.0.0.1:$port"

nohup "$python" -m moto.server -H 127.0.0.1 -p "$port" >"$state_dir/moto.log" 2>&1 &
pid=$!
echo "$pid" >"$state_dir/pid"
echo "$endpoint" >"$state_dir/endpoint"

for _ in $(seq 1 150); do
    if ! kill -0 "$pid" 2>/dev/null; then
        echo "start-s3-server: moto exited; its log:" >&2
        cat "$state_dir/moto.log" >&2
        rm -f "$state_dir/pid"
        exit 1
    fi
    if "$python" -c "import urllib.request, sys; urllib.request.urlopen('$endpoint/moto-api/', timeout=1)" 2>/dev/null; then
        echo "start-s3-server: moto (pid $pid) answers at $endpoint" >&2
        echo "export BERS_TEST_S3_ENDPOINT=$endpoint"
        exit 0
    fi
    sleep 0.2
done

echo "start-s3-server: moto did not answer at $endpoint within 30 s; its log:" >&2
cat "$state_dir/moto.log" >&2
kill "$pid" 2>/dev/null || true
rm -f "$state_dir/pid"
exit 1
