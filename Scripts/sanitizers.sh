#!/usr/bin/env bash
# Runs the concurrency-heavy suites under ThreadSanitizer and the parser suites under
# AddressSanitizer (each build in its own scratch folder, so the normal .build stays as it is).
# Usage: Scripts/sanitizers.sh [thread|address]...   (both when none is named)
# Needs what the suites need: BERS_TEST_ETCD_ENDPOINT and BERS_TEST_S3_ENDPOINT when set are used,
# and the suites that need them skip otherwise. Exit status 1 when a sanitizer reports a problem
# or a test fails.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

# Suites with tasks, locks, atomics, watchers and servers: caches, detection memo, hot reload,
# the service, the lifecycle, the swift-configuration provider and the etcd feed.
thread_suites='BERSTests\.(TenantCache|TenantRuntimeMemo|RuntimeMemo|DetectionCache|EnvironmentDetector|Live|DirectoryWatcher|DirectoryChangeQueue|ChangeFeedServing|ConfigurationChange)'
thread_suites+='|BERSServerTests|BERSLifecycleTests|BERSConfigurationTests|BERSRemoteStoresTests\.(Etcd|TenantCache)'
# Every reader of untrusted bytes: JSON, YAML, schemas and regular expressions, URL templates,
# overrides, detection, S3 XML and Lambda envelopes, secret envelopes.
address_suites='BERSJSONTests|BERSYAMLTests|BERSSchemaTests|BERSSecretsTests'
address_suites+='|BERSTests\.(EndpointT|Overrides|Detection|EnvironmentDetector|HostnamePattern|ProjectSettings|LayerFiles|MergeRules|Workload)'
address_suites+='|BERSRemoteStoresTests\.(S3ListObjectsPage|S3ErrorResponse|LambdaEnvelope|RemoteStoreURL|AWSURIEncoding|EtcdWatchMessage|EtcdAddress)'

run() {
    local sanitizer=$1 filter=$2 scratch=".build-${1:0:1}san"
    local started=$SECONDS
    echo "== $sanitizer sanitizer: building in $scratch"
    flock -o /tmp/bers-build.lock swift build --build-tests --sanitize="$sanitizer" --scratch-path "$scratch" \
        > "$scratch.log" 2>&1 || {
        grep -E 'error:' "$scratch.log" | head -20 >&2
        echo "sanitizers.sh: the $sanitizer build failed; full log: $scratch.log" >&2
        return 1
    }
    echo "== $sanitizer sanitizer: testing ($((SECONDS - started)) s to build)"
    # halt_on_error: the first report fails the run, it is not only printed.
    TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1" ASAN_OPTIONS="halt_on_error=1 detect_leaks=1" \
        swift test --skip-build --sanitize="$sanitizer" --scratch-path "$scratch" --filter "$filter" 2>&1 |
        tee "$scratch-test.log" | grep -E '^(✔|✘|􀟈|􁁛|􀢄)? ?Test run|WARNING: ThreadSanitizer|ERROR: AddressSanitizer|SUMMARY' || true
    local status=${PIPESTATUS[0]}
    if grep -qE 'WARNING: ThreadSanitizer|ERROR: (Address|Leak)Sanitizer' "$scratch-test.log"; then
        echo "sanitizers.sh: the $sanitizer sanitizer reported a problem; log: $scratch-test.log" >&2
        return 1
    fi
    [[ $status -eq 0 ]] || { echo "sanitizers.sh: tests failed under $sanitizer; log: $scratch-test.log" >&2; return 1; }
    echo "== $sanitizer sanitizer: clean ($((SECONDS - started)) s in all)"
}

sanitizers=("$@")
[[ ${#sanitizers[@]} -gt 0 ]] || sanitizers=(thread address)
for sanitizer in "${sanitizers[@]}"; do
    case "$sanitizer" in
    thread) run thread "$thread_suites" ;;
    address) run address "$address_suites" ;;
    *) echo "usage: Scripts/sanitizers.sh [thread|address]..." >&2; exit 2 ;;
    esac
done
