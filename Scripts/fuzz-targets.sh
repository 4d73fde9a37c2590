# The fuzz targets and how to build them; sourced by fuzz.sh and fuzz-all.sh.
fuzz_target_names=(
    json yaml project-settings schema regex url-template tenant-keys s3-xml lambda-envelope
    overrides etcd-messages detection secret-envelope request-scanner
)

# The SwiftPM product of a target name (FuzzJSON for json).
fuzz_product() {
    case "$1" in
    json) echo FuzzJSON ;;
    yaml) echo FuzzYAML ;;
    project-settings) echo FuzzProjectSettings ;;
    schema) echo FuzzSchema ;;
    regex) echo FuzzRegex ;;
    url-template) echo FuzzURLTemplate ;;
    tenant-keys) echo FuzzTenantKeys ;;
    s3-xml) echo FuzzS3XML ;;
    lambda-envelope) echo FuzzLambdaEnvelope ;;
    overrides) echo FuzzOverrides ;;
    etcd-messages) echo FuzzEtcdMessages ;;
    detection) echo FuzzDetection ;;
    secret-envelope) echo FuzzSecretEnvelope ;;
    request-scanner) echo FuzzRequestScanner ;;
    *) return 1 ;;
    esac
}

# The longest input libFuzzer makes for a target (seed files may be longer; they are read whole).
fuzz_max_len() {
    case "$1" in
    json | yaml | schema) echo 65536 ;;
    regex | tenant-keys | detection | secret-envelope) echo 4096 ;;
    *) echo 16384 ;;
    esac
}

# Directories of ../shared (or $BERS_SHARED) used as extra seeds, when they exist.
fuzz_shared_seeds() {
    local shared=${BERS_SHARED:-$root/../shared} dirs=()
    case "$1" in
    json) dirs=(json-test-suite/test_parsing json-test-suite/test_transform fixtures/picasso bench/workload) ;;
    schema) dirs=(json-schema-test-suite/tests/draft2020-12 json-schema-test-suite/tests/draft7 fixtures/picasso/schemas) ;;
    lambda-envelope) dirs=(fixtures/picasso/tenants) ;;
    esac
    local dir
    for dir in "${dirs[@]}"; do [[ -d "$shared/$dir" ]] && echo "$shared/$dir"; done
    return 0
}

# Builds the fuzz package (all targets, or the given `--product X`) with libFuzzer and ASan.
fuzz_build() {
    [[ "$(uname)" == Linux ]] || { echo "fuzzing needs Linux (libFuzzer ships with the Linux toolchain)" >&2; return 2; }
    local log
    log=$(mktemp)
    if ! (cd "$root/Fuzz" && flock -o /tmp/bers-build.lock swift build -c release "$@" \
        -Xswiftc -sanitize=fuzzer,address -Xswiftc -enable-testing) > "$log" 2>&1; then
        grep -E 'error:' "$log" | head -20 >&2
        echo "fuzz build failed; full log: $log" >&2
        return 1
    fi
    rm -f "$log"
}

fuzz_bin_path() {
    (cd "$root/Fuzz" && swift build -c release --show-bin-path 2>/dev/null)
}
