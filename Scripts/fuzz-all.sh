#!/usr/bin/env bash
# Runs every libFuzzer target of Fuzz/ for SECONDS each (one after the other), then prints the
# table of runs, coverage and findings per target and the total number of executions.
# Usage: Scripts/fuzz-all.sh SECONDS [extra libFuzzer flags...]
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
fuzz_build
failed=0 total=0
for target in "${fuzz_target_names[@]}"; do
    line=$(BERS_FUZZ_NO_BUILD=1 "$root/Scripts/fuzz.sh" "$target" "$seconds" "$@") || failed=1
    echo "$line"
    runs=$(sed -n 's/.* runs=\([0-9]*\).*/\1/p' <<< "$line")
    total=$((total + ${runs:-0}))
done
echo "total runs=$total"
exit $failed
