#!/usr/bin/env bash
# Runs the concurrency-heavy suites under ThreadSanitizer and the parser suites under
# AddressSanitizer. Both build the Sanitizers/ package (the suites, linked from Tests/, and only
# the modules they test), each in its own scratch folder so the normal .build stays as it is:
#   thread:  Sanitizers/.build-tsan, with BERS_SANITIZE_THREAD=1 (the thread suites, and
#            BERS_TSAN: BERS locks with a pthread mutex, which the sanitizer sees; see
#            Sources/BERS/Support/PthreadMutex.swift);
#   address: Sanitizers/.build-asan.
# Usage: Scripts/sanitizers.sh [thread|address]...   (both when none is named)
# Needs what the suites need: BERS_TEST_ETCD_ENDPOINT and BERS_TEST_S3_ENDPOINT when set are used,
# and the suites that need them skip otherwise. Exit status 1 when a sanitizer reports a problem
# or a test fails.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

# Suites with tasks, locks, atomics, watchers and servers: caches, detection memo, hot reload,
# the service (its change-feed suites included), the lifecycle, the swift-configuration provider
# and the etcd feed. The tenant cache is the core's (BERSTests.TenantCache*); the remote stores'
# own suites add only transports.
thread_suites='BERSTests\.(TenantCache|TenantRuntimeMemo|RuntimeMemo|DetectionCache|EnvironmentDetector|Live|DirectoryWatcher|DirectoryChangeQueue|ConfigurationChange)'
thread_suites+='|BERSServerTests|BERSLifecycleTests|BERSConfigurationTests|BERSRemoteStoresTests\.Etcd'
# Every reader of untrusted bytes in the core modules: JSON, YAML, schemas and regular
# expressions, secrets, URL templates, overrides, detection, bers.json, layers. The readers of
# the network modules (S3 XML, Lambda envelopes, etcd messages, the request scanner) run under
# AddressSanitizer in their fuzz targets (Scripts/fuzz.sh).
address_suites='BERSJSONTests|BERSYAMLTests|BERSSchemaTests|BERSSecretsTests'
address_suites+='|BERSTests\.(EndpointT|Overrides|Detection|EnvironmentDetector|HostnamePattern|ProjectSettings|LayerFiles|MergeRules|Workload|PathText)'

run() {
    local sanitizer=$1 filter=$2 package=$3 scratch=".build-${1:0:1}san"
    local started=$SECONDS
    # The thread build selects the thread suites and defines BERS_TSAN (both Package.swift files).
    local manifest_env=()
    [[ $sanitizer == thread ]] && manifest_env=(BERS_SANITIZE_THREAD=1)
    cd "$root/$package"
    mkdir -p "$scratch"
    echo "== $sanitizer sanitizer: building in $package/$scratch"
    env "${manifest_env[@]}" flock -o /tmp/bers-build.lock swift build --build-tests --sanitize="$sanitizer" \
        --scratch-path "$scratch" > "$scratch/sanitizer-build.log" 2>&1 || {
        grep -E 'error:' "$scratch/sanitizer-build.log" | head -20 >&2
        echo "sanitizers.sh: the $sanitizer build failed; full log: $package/$scratch/sanitizer-build.log" >&2
        return 1
    }
    echo "== $sanitizer sanitizer: testing ($((SECONDS - started)) s to build)"
    local log="$scratch/sanitizer-test.log"
    # halt_on_error: the first report fails the run, it is not only printed.
    local status=0
    # AddressSanitizer makes each stack frame several times larger: the suites that drive the
    # validator to its depth limit (1,000 levels) on purpose need more than the usual 8 MiB per
    # thread, which new threads take from this limit.
    [[ $sanitizer == address ]] && ulimit -s 262144
    env "${manifest_env[@]}" TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1" \
        ASAN_OPTIONS="halt_on_error=1 detect_leaks=1" LSAN_OPTIONS="suppressions=$root/Sanitizers/lsan-suppressions.txt" \
        swift test --skip-build --sanitize="$sanitizer" --scratch-path "$scratch" --filter "$filter" \
        > "$log" 2>&1 || status=$?
    grep -E '^(✔|✘|􀟈|􁁛|􀢄)? ?Test run|✘ Test .* failed|WARNING: ThreadSanitizer|ERROR: AddressSanitizer|SUMMARY' "$log" || true
    if grep -qE 'WARNING: ThreadSanitizer|ERROR: (Address|Leak)Sanitizer' "$log"; then
        echo "sanitizers.sh: the $sanitizer sanitizer reported a problem; log: $package/$log" >&2
        return 1
    fi
    [[ $status -eq 0 ]] || { echo "sanitizers.sh: tests failed under $sanitizer; log: $package/$log" >&2; return 1; }
    echo "== $sanitizer sanitizer: clean ($((SECONDS - started)) s in all)"
}

sanitizers=("$@")
[[ ${#sanitizers[@]} -gt 0 ]] || sanitizers=(thread address)
for sanitizer in "${sanitizers[@]}"; do
    case "$sanitizer" in
    thread) run thread "$thread_suites" Sanitizers ;;
    address) run address "$address_suites" Sanitizers ;;
    *) echo "usage: Scripts/sanitizers.sh [thread|address]..." >&2; exit 2 ;;
    esac
done
