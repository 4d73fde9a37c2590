import BERS
import Foundation
import Testing
import WidgetSettings

/// The constants the plugin compiled in are the values `bers resolve` gives for the same
/// environment (resolved here with the library `bers resolve` uses).
struct ConstantsMatchResolveTests {
    static let configDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/WidgetSettings/config").path

    static func resolved() throws -> ResolvedConfiguration {
        let project = try ConfigProject(directory: configDirectory)
        return try project.resolve(try project.environment(named: Config.environment.rawValue))
    }

    @Test func environmentIsTheOneThisBuildAskedFor() throws {
        let expected = ProcessInfo.processInfo.environment["BERS_ENV"].flatMap { $0.isEmpty ? nil : $0 }
        #if DEBUG
        #expect(Config.environment.rawValue == expected ?? "development")
        #else
        #expect(Config.environment.rawValue == expected ?? "production")
        #endif
    }

    @Test func scalarsMatchResolve() throws {
        let config = try Self.resolved()
        #expect(try config.string("api.baseUrl") == Config.api.baseUrl)
        #expect(try config.int("api.timeout") == Config.api.timeout)
        #expect(try config.int("api.retries") == Config.api.retries)
        #expect(try config.double("api.backoff") == Config.api.backoff)
        #expect(try config.string("api.headers.Content-Type") == Config.api.headers.Content_Type)
        #expect(try config.bool("features.experimental") == Config.features.experimental)
        #expect(try config.bool("features.streaming") == Config.features.streaming)
    }

    @Test func arraysAndRecordsMatchResolve() throws {
        let config = try Self.resolved()
        #expect(try config.decode([String].self, at: "regions") == Config.regions)
        struct Limit: Decodable, Equatable {
            var name: String
            var perMinute: Int
            var maxBytes: Int?
        }
        let limits = try config.decode([Limit].self, at: "limits")
        #expect(limits == Config.limits.map { Limit(name: $0.name, perMinute: $0.perMinute, maxBytes: $0.maxBytes) })
    }

    @Test func endpointFunctionsMatchBERSURLs() throws {
        let endpoints = try Self.resolved().endpoints()
        #expect(try endpoints.url("config") == Config.endpoints.config)
        #expect(
            try endpoints.url("configUrl", ["tenant": "my87674d777bf9"])
                == Config.endpoints.configUrl(tenant: "my87674d777bf9")
        )
        #expect(
            try endpoints.url("assetUrl", ["path": "img//logo v2.png"])
                == Config.endpoints.assetUrl(path: "img//logo v2.png")
        )
        #expect(try endpoints.url("searchUrl", ["query": "a&b é"]) == Config.endpoints.searchUrl(query: "a&b é"))
        #expect(
            try endpoints.url("searchUrl", ["query": "x", "page": "2"])
                == Config.endpoints.searchUrl(query: "x", page: "2")
        )
        #expect(throws: Config.URLError.self) { try Config.endpoints.configUrl(tenant: "") }
    }

    @Test func settingsReadTheConstants() throws {
        #expect(WidgetSettings.timeoutSeconds == Double(try Self.resolved().int("api.timeout")) / 1000)
        #expect(WidgetSettings.enabledFeatures.contains("experimental") == Config.features.experimental)
    }
}
