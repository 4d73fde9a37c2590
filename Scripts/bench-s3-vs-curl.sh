#!/usr/bin/env bash
# Compares cold gets through S3TenantStore with plain curl GETs of the same objects, both against
# moto on loopback, and prints the times side by side with their ratio.
#
#   Scripts/bench-s3-vs-curl.sh            # starts (and stops) moto unless BERS_TEST_S3_ENDPOINT is set
#
# S3 store: the RemoteStoreBenchmarks package-benchmark target (release build), 100 sequential
# signed GetObject calls per iteration over one kept-alive connection; p50 of the wall clock.
# curl: the same 100 GETs (the same four objects in the same order, signed with curl's --aws-sigv4),
# timed by hyperfine (else by `time`), once in one curl process (one kept-alive connection, like
# the store) and once as one curl process per GET.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

gets=100
started_here=""
if [[ -z "${BERS_TEST_S3_ENDPOINT:-}" ]]; then
    eval "$(Scripts/start-s3-server.sh)"
    started_here=1
fi
endpoint="$BERS_TEST_S3_ENDPOINT"
shared="${BERS_SHARED:-$root/../shared}"
work=$(mktemp -d)
cleanup() {
    rm -rf "$work"
    if [[ -n "$started_here" ]]; then Scripts/stop-s3-server.sh; fi
}
trap cleanup EXIT

# The bucket and the objects (the benchmark's setup uploads the same bytes again, signed).
# curl signs its requests too (--aws-sigv4): moto refuses anonymous access to private objects.
sign=(--aws-sigv4 "aws:amz:us-east-1:s3" --user "AKIDBENCH:bench")
if [[ "$(curl -s "${sign[@]}" -o /dev/null -w '%{http_code}' -I "$endpoint/bers-bench")" != 200 ]]; then
    curl -sS "${sign[@]}" --fail-with-body -o /dev/null -X PUT "$endpoint/bers-bench"
fi
printf '{"tenant_id": "MYR384719"}' >"$work/my.json"
printf '{"tenant_id": "AUS123957"}' >"$work/au.json"
keys=(mappings/my87674d777bf9.json mappings/auc5b0ecb0adcb.json
    tenants/MYR384719/MYR384719-config.json tenants/AUS123957/AUS123957-config.json)
files=("$work/my.json" "$work/au.json"
    "$shared/fixtures/picasso/tenants/MYR384719-config.json" "$shared/fixtures/picasso/tenants/AUS123957-config.json")
for i in 0 1 2 3; do
    curl -sS "${sign[@]}" --fail-with-body -o "$work/put.out" -X PUT --data-binary @"${files[$i]}" -H 'content-type: application/json' \
        "$endpoint/bers-bench/${keys[$i]}"
done
: >"$work/urls.txt"
printf 'aws-sigv4 = "aws:amz:us-east-1:s3"\nuser = "AKIDBENCH:bench"\n' >"$work/curl.cfg"
for ((i = 0; i < gets; i++)); do
    url="$endpoint/bers-bench/${keys[$((i % 4))]}"
    echo "$url" >>"$work/urls.txt"
    printf 'url = "%s"\noutput = "/dev/null"\n' "$url" >>"$work/curl.cfg"
done

echo "== S3 store (package-benchmark, release) ==" >&2
mkdir -p "$work/jmh"
(cd Benchmarks && BERS_TEST_S3_ENDPOINT="$endpoint" swift package --allow-writing-to-package-directory \
    benchmark --target RemoteStoreBenchmarks --format jmh --path "$work/jmh" >&2) || {
    echo "the benchmark failed" >&2
    exit 1
}
store_ms=$(python3 - "$work/jmh" <<'PY'
import glob, json, sys
for path in glob.glob(sys.argv[1] + "/*.jmh.json"):
    for run in json.load(open(path)):
        metric = run["secondaryMetrics"].get("Time (wall clock)")
        if "cold_gets" in run["benchmark"] and metric:
            factor = {"ns": 1e-6, "μs": 1e-3, "us": 1e-3, "ms": 1.0, "s": 1e3}[metric["scoreUnit"]]
            print(f"{metric['scorePercentiles']['50.0'] * factor:.3f}")
            sys.exit(0)
sys.exit("no wall-clock result in the benchmark output")
PY
)

echo "== curl ==" >&2
if command -v hyperfine >/dev/null; then
    hyperfine --warmup 3 --runs 20 --export-json "$work/curl.json" \
        -n "curl, one process, $gets GETs (keep-alive)" "curl -sf -K $work/curl.cfg" \
        -n "curl, one process per GET, $gets GETs" "xargs -a $work/urls.txt -n 1 curl -sf -o /dev/null --aws-sigv4 aws:amz:us-east-1:s3 --user AKIDBENCH:bench" >&2
    read -r keepalive_ms per_process_ms < <(python3 - "$work/curl.json" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
print(" ".join("%.3f" % (r["median"] * 1000) for r in results))
PY
)
else
    start=$(date +%s%N); for _ in 1 2 3 4 5; do curl -sf -K "$work/curl.cfg"; done; end=$(date +%s%N)
    keepalive_ms=$(python3 -c "print(f'{($end - $start) / 5e6:.3f}')")
    start=$(date +%s%N); xargs -a "$work/urls.txt" -n 1 curl -sf -o /dev/null "${sign[@]}"; end=$(date +%s%N)
    per_process_ms=$(python3 -c "print(f'{($end - $start) / 1e6:.3f}')")
fi

python3 - "$gets" "$store_ms" "$keepalive_ms" "$per_process_ms" <<'PY'
import sys
gets, store, keepalive, per_process = int(sys.argv[1]), *map(float, sys.argv[2:])
print(f"\n{gets} cold GETs of the 4 Picasso objects, moto on loopback (median / p50 per {gets} GETs)\n")
print(f"| client | total ms | per GET ms | GETs/s | time vs S3 store |")
print(f"|---|---|---|---|---|")
for name, ms in [("S3TenantStore (SigV4, AsyncHTTPClient)", store),
                 ("curl, one process, keep-alive", keepalive),
                 ("curl, one process per GET", per_process)]:
    print(f"| {name} | {ms:.1f} | {ms / gets:.3f} | {gets / ms * 1000:.0f} | {ms / store:.2f}x |")
print(f"\nS3 store / curl keep-alive time ratio: {store / keepalive:.2f}; S3 store / curl per process: {store / per_process:.2f}")
PY
