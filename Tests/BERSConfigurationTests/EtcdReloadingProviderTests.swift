import AsyncHTTPClient
import BERS
import BERSConfiguration
import BERSRemoteStores
import BERSTestSupport
import Configuration
import Foundation
import Testing

/// `BERS_TEST_ETCD_ENDPOINT`, when set (`Scripts/start-etcd.sh`).
private let etcdEndpoint: String? = ProcessInfo.processInfo.environment["BERS_TEST_ETCD_ENDPOINT"]
    .flatMap {
        $0.isEmpty ? nil : $0
    }

/// A `ConfigReader` over a fleet's configuration in etcd: the reloading provider on the live
/// configuration of an `EtcdFeed`.
@Suite(.enabled(if: etcdEndpoint != nil, "no etcd: set BERS_TEST_ETCD_ENDPOINT (Scripts/start-etcd.sh)"))
struct EtcdReloadingProviderTests {
    @Test func aWatcherSeesValidPutsAndNotRefusedOnes() async throws {
        let authority = (etcdEndpoint ?? "").replacingOccurrences(of: "http://", with: "")
        let url = "etcd://\(authority)/bers-configuration-test/\(UUID().uuidString.prefix(8).lowercased())"
        try await RemoteTenantStores.withHTTPClient { client in
            let store = try EtcdTenantStore(url: url, httpClient: client)
            let layer = "config/default.json"
            _ = try await store.put(layer, Array(#"{"api": {"timeout": 1000}}"#.utf8), contentType: "application/json")
            let feed = try await EtcdFeed.connect(url: url, httpClient: client)
            defer { feed.stop() }
            let live = try feed.liveConfiguration(environment: .production)
            defer { live.stop() }
            let config = ConfigReader(provider: ReloadingBERSProvider(live: live))
            let seen = try await withDeadline {
                try await config.watchInt(forKey: "api.timeout") { updates in
                    var values: [Int?] = []
                    for await value in updates {
                        values.append(value)
                        guard value == 1000 else { break }
                        _ = try await store.put(layer, Array(#"{"api": {"timeout": "#.utf8), contentType: "")
                        _ = try await store.put(layer, Array(#"{"api": {"timeout": 2000}}"#.utf8), contentType: "")
                    }
                    return values
                }
            }
            #expect(seen == [1000, 2000])
        }
    }
}
