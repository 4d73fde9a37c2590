#!/usr/bin/env bash
# Runs every libFuzzer target of Fuzz/ for SECONDS each, then prints the table of runs, coverage
# and findings per target and the total number of executions.
# Usage: Scripts/fuzz-all.sh SECONDS [extra libFuzzer flags...]
# BERS_FUZZ_JOBS=N runs N targets at a time (default 1; a libFuzzer process uses one core).
# Exit status 1 when any target found a problem (see Fuzz/.findings/TARGET).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/Scripts/fuzz-targets.sh"
if [[ $# -lt 1 || ! "$1" =~ ^[0-9]+$ ]]; then
    echo "usage: Scripts/fuzz-all.sh SECONDS [libFuzzer flags...]" >&2
    exit 2
fi
seconds=$1
shift
jobs=${BERS_FUZZ_JOBS:-1}
[[ "$jobs" =~ ^[1-9][0-9]*$ ]] || { echo "fuzz-all.sh: BERS_FUZZ_JOBS must be a positive number" >&2; exit 2; }
[[ "${BERS_FUZZ_NO_BUILD:-}" == 1 ]] || fuzz_build
results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT

# One target: its summary line in $results/TARGET, its diagnostics in $results/TARGET.err.
run_target() {
    BERS_FUZZ_NO_BUILD=1 "$root/Scripts/fuzz.sh" "$1" "$seconds" "${@:2}" \
        > "$results/$1" 2> "$results/$1.err" || touch "$results/$1.failed"
}

running=0
for target in "${fuzz_target_names[@]}"; do
    if (( running >= jobs )); then
        wait -n
        running=$((running - 1))
    fi
    run_target "$target" "$@" &
    running=$((running + 1))
done
wait

failed=0 total=0
for target in "${fuzz_target_names[@]}"; do
    line=$(cat "$results/$target")
    echo "$line"
    cat "$results/$target.err" >&2
    [[ -e "$results/$target.failed" ]] && failed=1
    runs=$(sed -n 's/.* runs=\([0-9]*\).*/\1/p' <<< "$line")
    total=$((total + ${runs:-0}))
done
echo "total runs=$total"
exit $failed
