import BERS
import BERSJSON
import BERSTestSupport
import Foundation
import Testing

/// The shared resolve workload: every expected result must come out exactly.
@Suite(.enabled(if: SharedFixtures.isAvailable, SharedFixtures.skipReason))
struct WorkloadTests {
    static var configDirectory: String { SharedFixtures.url("bench/workload/config")?.path ?? "" }

    func expected(_ name: String) throws -> JSONValue {
        let bytes = try #require(SharedFixtures.bytes("bench/workload/expected/\(name).json"))
        return try JSONParser().parse(bytes, file: name).value
    }

    @Test(arguments: ["development", "staging", "production"])
    func resolvesEachEnvironmentExactly(_ name: String) throws {
        let project = try ConfigProject(directory: Self.configDirectory)
        let config = try project.resolve(try project.environment(named: name))
        #expect(config.value == (try expected(name)))
        #expect(config.diagnostics.isEmpty)
    }

    @Test func environmentVariableOverrideBecomesAnInteger() throws {
        let project = try ConfigProject(directory: Self.configDirectory)
        let config = try project.resolve(
            .production,
            options: ResolveOptions(environmentVariables: ["BERS__API__TIMEOUT": "15000", "HOME": "/root"])
        )
        #expect(config.value == (try expected("production-with-env")))
        #expect(config.value[pointer: "/api/timeout"]?.isIdentical(to: .integer(15000)) == true)
    }

    @Test func mergeKeepsTheBaseKeyOrderAndAppendsNewKeys() throws {
        let project = try ConfigProject(directory: Self.configDirectory)
        let config = try project.resolve(.production)
        #expect(
            config.value.objectValue?.keys == [
                "environment", "version", "buildTimestamp", "api", "cdn", "security", "logging", "performance",
                "features",
            ]
        )
        #expect(config.value["security"]?.objectValue?.keys.last == "cspNonce")
        #expect(config.value["logging"]?.objectValue?.keys.last == "remoteEndpoint")
    }

    @Test func typedReadsOfTheWorkloadTable() throws {
        let project = try ConfigProject(directory: Self.configDirectory)
        let table: [(String, Int, String, Double, Int)] = [
            ("production", 10000, "error", 0.1, 2),
            ("staging", 20000, "info", 0.5, 2),
            ("development", 30000, "debug", 1.0, 5),
        ]
        for (name, timeout, level, sampleRate, origins) in table {
            let config = try project.resolve(try project.environment(named: name))
            #expect(try config.string("api.baseUrl") == "https://chat.myrecruiter.ai")
            #expect(try config.int("api.timeout") == timeout)
            #expect(try config.string("logging.level") == level)
            #expect(try config.double("performance.sampleRate") == sampleRate)
            #expect(try config.array("security.corsOrigins").count == origins)
        }
    }

    @Test func provenanceNamesTheFileLineAndColumn() throws {
        let project = try ConfigProject(directory: Self.configDirectory)
        let config = try project.resolve(
            .production,
            options: ResolveOptions(environmentVariables: ["BERS__API__TIMEOUT": "15000"])
        )
        let timeout = try #require(config.provenance(at: "api.timeout"))
        #expect(timeout.source.layer.kind == .environmentVariable)
        #expect(timeout.source.layer.name == "BERS__API__TIMEOUT")
        #expect(timeout.source.location == nil)
        #expect(timeout.overrode.map(\.value) == [10000, 30000])
        #expect(timeout.overrode.map(\.layer.name) == ["production", "default"])
        #expect(timeout.overrode[0].location?.line == 4)
        #expect(timeout.overrode[0].location?.column == 16)
        #expect(timeout.overrode[1].location?.line == 7)
        #expect(timeout.overrode[1].location?.file.hasSuffix("default.json") == true)

        let level = try #require(config.provenance(at: "/logging/level"))
        #expect(level.source.layer.name == "production")
        #expect(level.overrode.map(\.value) == ["debug"])
    }
}
