@_spi(Benchmarks) import BERS
import BERSJSON
import Foundation

// A plain loop over one core operation, for profilers (perf, valgrind --tool=callgrind) and for
// figures package-benchmark does not give (memory growth over a million resolves):
//   .build/release/ProfileDriver resolve ../../shared/bench/workload/config 200000
// Operations:
//   resolve DIR N          project load + resolve from disk, N times
//   resolve-loaded DIR N   resolve only
//   resolve-env DIR N      project load + resolve with BERS__API__TIMEOUT=15000, N times
//   memory DIR N           resolve N times; prints the resident set before and after
//   parse FILE N           JSONParser.parse (a JSONValue with positions), N times; prints MB/s
//   parse-tape FILE N      JSONParser.parseTape, N times; prints MB/s
//   detect DIR N           detection without the memo (the context of CoreBenchmarks), N times
//   detect-memo DIR N      the same context answered by the memo, N times
//   tenant-compose DIR N [HASH]  tenant runtime, first request per document (DIR: Examples/picasso)
//   tenant-memo DIR N [HASH]     tenant runtime, memoised request
//   url DIR N              configUrl and tenantAssetUrl of the production endpoints, N times each

let arguments = CommandLine.arguments
guard arguments.count >= 4, let iterations = Int(arguments[3]) else {
    print("usage: ProfileDriver resolve|resolve-loaded|memory|parse|parse-tape PATH ITERATIONS")
    exit(64)
}
let path = arguments[2]
var checksum = 0

/// The resident set size in KiB, from /proc/self/statm.
func residentKiB() -> Int {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return -1 }
    let fields = text.split(separator: " ")
    return fields.count > 1 ? (Int(fields[1]) ?? 0) * Int(sysconf(Int32(_SC_PAGESIZE))) / 1024 : -1
}

/// Runs `body` `iterations` times and prints the throughput over `bytes` bytes per run.
@MainActor func throughput(bytes: Int, _ body: () throws -> Int) rethrows {
    let start = DispatchTime.now().uptimeNanoseconds
    for _ in 0..<iterations { checksum &+= try body() }
    let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start)
    let perRun = elapsed / Double(iterations)
    print(String(format: "%.0f ns per run, %.1f MB/s", perRun, Double(bytes) / perRun * 1000))
}

switch arguments[1] {
case "resolve":
    for _ in 0..<iterations {
        let project = try ConfigProject(directory: path)
        checksum &+= try project.resolve(.production).int("api.timeout")
    }
case "resolve-env":
    let options = ResolveOptions(environmentVariables: ["BERS__API__TIMEOUT": "15000", "HOME": "/root"])
    for _ in 0..<iterations {
        checksum &+= try ConfigProject(directory: path).resolve(.production, options: options).int("api.timeout")
    }
case "resolve-loaded":
    let project = try ConfigProject(directory: path)
    for _ in 0..<iterations {
        checksum &+= try project.resolve(.production).int("api.timeout")
    }
case "memory":
    for _ in 0..<10_000 {
        checksum &+= try ConfigProject(directory: path).resolve(.production).int("api.timeout")
    }
    let before = residentKiB()
    for _ in 0..<iterations {
        checksum &+= try ConfigProject(directory: path).resolve(.production).int("api.timeout")
    }
    let after = residentKiB()
    print(
        "resident set after 10000 warm-up resolves: \(before) KiB; after \(iterations) more: \(after) KiB; growth \(after - before) KiB"
    )
case "parse":
    let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    try throughput(bytes: bytes.count) { try JSONParser().parse(bytes, file: "bench.json").valuePositions.count }
case "parse-tape":
    let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    try throughput(bytes: bytes.count) { try JSONParser().parseTape(bytes, file: "bench.json").count }
case "parse-tape-value":
    let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    try throughput(bytes: bytes.count) {
        let tape = try JSONParser().parseTape(bytes, file: "bench.json")
        return tape.value(ofNode: 0).nodeCount
    }
case "detect", "detect-memo":
    let project = try ConfigProject(directory: path)
    let detector = project.detector()
    let context = project.detectionContext(
        environment: ["NODE_ENV": "test", "HOME": "/root"],
        url: "https://widget.example.com/?tenant=x",
        hostname: "eu.staging.myrecruiter.ai"
    )
    for _ in 0..<iterations {
        let result = arguments[1] == "detect" ? detector.detectUncached(context) : detector.detect(context)
        checksum &+= result.trace.count
    }
case "url":
    let endpoints = try ConfigProject(directory: path).resolve(.production).endpoints()
    let tenant = ["tenant": "my87674d777bf9"]
    let asset = ["tenant": "my87674d777bf9", "path": "images/logo.png"]
    for (name, parameters) in [("configUrl", tenant), ("tenantAssetUrl", asset)] {
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<iterations { checksum &+= try endpoints.url(name, parameters).utf8.count }
        print("\(name): \((DispatchTime.now().uptimeNanoseconds - start) / UInt64(iterations)) ns")
    }
case "tenant-compose", "tenant-memo":
    let memoised = arguments[1] == "tenant-memo"
    let project = try ConfigProject(directory: path + "/config")
    let runtime = try TenantRuntime(project: project, store: FileSystemTenantStore(root: path + "/tenants"))
    let hash = try TenantHash(arguments.count > 4 ? arguments[4] : "de113d6b3e07e5")
    // On the global executor, as a server's request handlers run: no hop to the main actor.
    let elapsed =
        try await Task.detached {
            let start = DispatchTime.now().uptimeNanoseconds
            for _ in 0..<iterations {
                _ =
                    memoised
                    ? try await runtime.resolve(environment: .production, tenant: hash)
                    : try await runtime.resolveComposing(environment: .production, tenant: hash)
            }
            return DispatchTime.now().uptimeNanoseconds - start
        }
        .value
    print("\(elapsed / UInt64(iterations)) ns per request")
default:
    print("unknown operation \(arguments[1])")
    exit(64)
}
print("checksum \(checksum)")
