#!/usr/bin/env bash
# Runs BERS's core benchmarks and the peer resolvers of ../shared/tools/peers in one sitting, so
# their figures can be compared as ratios on the same (shared, noisy) machine.
#   Benchmarks/run-peers.sh            # everything
#   BERS_SKIP_SWIFT=1 Benchmarks/run-peers.sh   # peers only
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
shared="${BERS_SHARED:-$here/../../shared}"
echo "== machine load: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ -z "${BERS_SKIP_SWIFT:-}" ]; then
  echo "== BERS core benchmarks (release)"
  (cd "$here" && swift package --allow-writing-to-package-directory benchmark --target CoreBenchmarks --format markdown 2>/dev/null \
     | grep -v ETA)
fi
echo "== Node peer (plain Node: fs.readFileSync + JSON.parse + deep merge + env scan)"
node "$here/Peers/bench_node.js" "$shared"
echo "== Python peers (plain Python, pydantic-settings, dynaconf)"
venv="${BERS_PEER_VENV:-/tmp/peervenv}"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q dynaconf==3.3.5 pydantic-settings==2.16.3 pydantic==2.14.4 \
    || "$venv/bin/pip" install -q dynaconf pydantic-settings pydantic
fi
"$venv/bin/python" "$shared/tools/peers/bench_py.py" --quick
echo "== JSON parsers on Benchmarks/Data/config-64k.json (json, orjson, msgspec, pysimdjson)"
"$venv/bin/pip" install -q orjson msgspec pysimdjson || echo "(some JSON peers could not be installed)"
"$venv/bin/python" "$here/Peers/bench_json.py" "$here/Data/config-64k.json"
echo "== machine load: $(cut -d' ' -f1-3 /proc/loadavg)"
