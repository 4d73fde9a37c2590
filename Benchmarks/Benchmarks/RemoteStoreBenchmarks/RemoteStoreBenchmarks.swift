import BERS
import BERSRemoteStores
import Benchmark
import Foundation

// Cold gets through the S3 store against an S3 server on loopback (moto), to compare with plain
// curl GETs of the same objects: Scripts/bench-s3-vs-curl.sh runs both and prints the ratio.
//
// The server comes from $BERS_TEST_S3_ENDPOINT (Scripts/start-s3-server.sh exports it); without
// it the benchmark is not registered. Setup uploads the four
// Picasso objects (two mappings, two tenant configurations from ../shared or $BERS_SHARED) to the
// bucket `bers-bench`, which the script creates.

private struct BenchmarkObjectMissing: Error {
    var response: StoreResponse
}

/// Gets per iteration: each of the four objects 25 times, in turn.
private let getsPerIteration = 100

private let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

private let sharedRoot: URL = {
    if let explicit = ProcessInfo.processInfo.environment["BERS_SHARED"], !explicit.isEmpty {
        return URL(fileURLWithPath: explicit)
    }
    return repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")
}()

private let endpoint = ProcessInfo.processInfo.environment["BERS_TEST_S3_ENDPOINT"].flatMap { $0.isEmpty ? nil : $0 }

private let store: S3TenantStore? = endpoint.flatMap { endpoint in
    try? S3TenantStore(
        configuration: S3Configuration(
            bucket: "bers-bench",
            endpoint: try HTTPEndpoint(parsing: endpoint),
            credentials: AWSCredentials(accessKeyID: "AKIDBENCH", secretAccessKey: "bench"),
            limits: RemoteStoreLimits(timeout: .seconds(10))
        ),
        httpClient: RemoteTenantStores.sharedHTTPClient
    )
}

private let objects: [(key: String, bytes: [UInt8])] = {
    func fixture(_ name: String) -> [UInt8] {
        (try? Data(contentsOf: sharedRoot.appendingPathComponent("fixtures/picasso/tenants/\(name)")))
            .map { [UInt8]($0) }
            ?? Array("{}".utf8)
    }
    return [
        ("mappings/my87674d777bf9.json", Array(#"{"tenant_id": "MYR384719"}"#.utf8)),
        ("mappings/auc5b0ecb0adcb.json", Array(#"{"tenant_id": "AUS123957"}"#.utf8)),
        ("tenants/MYR384719/MYR384719-config.json", fixture("MYR384719-config.json")),
        ("tenants/AUS123957/AUS123957-config.json", fixture("AUS123957-config.json")),
    ]
}()

/// Uploads the objects (the script has created the bucket).
private func upload(to store: S3TenantStore) async throws {
    for (key, bytes) in objects {
        _ = try await store.put(key, bytes, contentType: "application/json")
    }
}

let benchmarks: @Sendable () -> Void = {
    guard let store else {
        print(
            "RemoteStoreBenchmarks: BERS_TEST_S3_ENDPOINT is not set (eval \"$(Scripts/start-s3-server.sh)\"); no benchmark registered"
        )
        return
    }
    Benchmark(
        "S3 store: \(getsPerIteration) cold gets of the Picasso objects (moto, loopback)",
        configuration: .init(
            metrics: [.wallClock, .throughput, .mallocCountTotal],
            scalingFactor: .one,
            maxDuration: .seconds(15),
            maxIterations: 30,
            setup: { try await upload(to: store) }
        )
    ) { benchmark in
        for _ in benchmark.scaledIterations {
            for index in 0..<getsPerIteration {
                let response = try await store.get(objects[index % objects.count].key)
                guard case .found = response else { throw BenchmarkObjectMissing(response: response) }
                blackHole(response)
            }
        }
    }
}
