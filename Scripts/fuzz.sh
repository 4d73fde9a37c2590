#!/usr/bin/env bash
# Runs one libFuzzer target of Fuzz/ for SECONDS, then prints one summary line:
#   TARGET runs=N seconds=S execs/s=R cov=C ft=F corpus=K findings=M
# Usage: Scripts/fuzz.sh TARGET SECONDS [extra libFuzzer flags...]
#        Scripts/fuzz.sh --list
# The build is `swift build -c release` of Fuzz/ with -sanitize=fuzzer,address (Linux). Inputs
# found to add coverage go to Fuzz/.corpus/TARGET (kept between runs, not committed); crashes,
# leaks, timeouts and out-of-memory inputs to Fuzz/.findings/TARGET. Seeds: Fuzz/Seeds/TARGET
# (small, in the repository) and, when present, test data of ../shared (or $BERS_SHARED), read
# in place. Set BERS_FUZZ_NO_BUILD=1 to skip the build (fuzz-all.sh builds once for all).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/Scripts/fuzz-targets.sh"

if [[ "${1:-}" == "--list" ]]; then
    printf '%s\n' "${fuzz_target_names[@]}"
    exit 0
fi
if [[ $# -lt 2 ]]; then
    echo "usage: Scripts/fuzz.sh TARGET SECONDS [libFuzzer flags...]; targets: ${fuzz_target_names[*]}" >&2
    exit 2
fi
target=$1 seconds=$2
shift 2
product=$(fuzz_product "$target") || {
    echo "fuzz.sh: unknown target '$target'; targets: ${fuzz_target_names[*]}" >&2
    exit 2
}
[[ "$seconds" =~ ^[0-9]+$ ]] || { echo "fuzz.sh: SECONDS must be a whole number" >&2; exit 2; }

[[ "${BERS_FUZZ_NO_BUILD:-}" == 1 ]] || fuzz_build --product "$product"
binary="$(fuzz_bin_path)/$product"

corpus="$root/Fuzz/.corpus/$target" findings="$root/Fuzz/.findings/$target"
mkdir -p "$corpus" "$findings"
seeds=("$root/Fuzz/Seeds/$target")
while IFS= read -r dir; do seeds+=("$dir"); done < <(fuzz_shared_seeds "$target")

log="$findings/last-run.log"
before=$(find "$findings" -maxdepth 1 -type f ! -name '*.log' | wc -l)
set +e
# libFuzzer and AddressSanitizer report crashes; the Swift backtracer can stall under ASan.
SWIFT_BACKTRACE=enable=no "$binary" "$corpus" "${seeds[@]}" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len="$(fuzz_max_len "$target")" \
    -print_final_stats=1 -artifact_prefix="$findings/" "$@" > "$log" 2>&1
status=$?
set -e
after=$(find "$findings" -maxdepth 1 -type f ! -name '*.log' | wc -l)

runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
elapsed=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log" | tail -1)
stats=$(grep -E '^#[0-9]+' "$log" | tail -1 || true)
cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<< "$stats")
ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<< "$stats")
size=$(find "$corpus" -type f | wc -l)
rate=$(( ${runs:-0} / ( ${elapsed:-$seconds} > 0 ? ${elapsed:-$seconds} : 1 ) ))
echo "$target runs=${runs:-0} seconds=${elapsed:-$seconds} execs/s=$rate cov=${cov:-?} ft=${ft:-?} corpus=$size findings=$((after - before))"
if [[ $status -ne 0 || $after -gt $before ]]; then
    echo "fuzz.sh: $target found a problem (exit $status); input and log in $findings" >&2
    grep -E 'FUZZ FINDING|ERROR: (AddressSanitizer|libFuzzer|LeakSanitizer)|Fatal error|SUMMARY' "$log" | head -5 >&2 || true
    exit 1
fi
