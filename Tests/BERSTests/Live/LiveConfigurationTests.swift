@testable import BERS
import BERSJSON
import BERSTestSupport
import Foundation
import Testing

struct LiveConfigurationTests {
    @Test func theFirstGenerationIsTheResolvedConfigurationWithItsInputs() throws {
        let project = try LiveProject()
        defer { project.remove() }
        let live = try LiveConfiguration(directory: project.path, environment: .production)
        let first = live.current
        #expect(first.number == 1)
        #expect(try first.configuration.int("api.timeout") == 5000)
        #expect(first.digest == ConfigurationGeneration.digest(of: first.configuration))
        #expect(first.digest.count == 64)
        let names = first.inputs.map { $0.path.split(separator: "/").last.map(String.init) ?? "" }
        #expect(names == ["bers.json", "default.json", "app.schema.json"])
        #expect(first.inputs.allSatisfy { $0.digest.count == 64 })
    }

    @Test func anInvalidStartIsTheErrorResolveGives() throws {
        let project = try LiveProject(timeout: 10)
        defer { project.remove() }
        let error = #expect(throws: ConfigError.self) {
            try LiveConfiguration(directory: project.path, environment: .production)
        }
        #expect(error?.code == .invalidConfiguration)
        #expect(error?.details.first?.contains("10 is less than the minimum of 1000") == true)
    }

    @Test func aValidEditIsAppliedWithItsChanges() throws {
        let project = try LiveProject()
        defer { project.remove() }
        let live = try LiveConfiguration(directory: project.path, environment: .production)
        try project.write(timeout: 7000, extra: #", "retries": 3"#)
        guard case .applied(let applied) = live.reload() else {
            Issue.record("expected an applied reload")
            return
        }
        #expect(applied.previous == 1)
        #expect(applied.generation.number == 2)
        #expect(live.current === applied.generation)
        #expect(try live.current.configuration.int("api.timeout") == 7000)
        let byPointer = Dictionary(uniqueKeysWithValues: applied.changes.map { ($0.pointer.description, $0) })
        #expect(byPointer["/api/timeout"]?.kind == .modified)
        #expect(byPointer["/api/timeout"]?.oldValue == 5000)
        #expect(byPointer["/api/timeout"]?.newValue == 7000)
        #expect(byPointer["/api/timeout"]?.location?.file.hasSuffix("default.json") == true)
        #expect(byPointer["/api/timeout"]?.location?.line == 1)
        #expect(byPointer["/api/retries"]?.kind == .added)
        #expect(applied.changes.count == 2)
    }

    @Test func aSaveWithoutChangesIsUnchanged() throws {
        let project = try LiveProject()
        defer { project.remove() }
        let live = try LiveConfiguration(directory: project.path, environment: .production)
        try project.write("default.json", #"{"api": {"timeout": 5000},   "name": "app"}"#)
        guard case .unchanged(let number) = live.reload() else {
            Issue.record("expected an unchanged reload")
            return
        }
        #expect(number == 1)
        #expect(live.current.number == 1)
    }

    @Test(arguments: [
        (#"{"api": {"timeout": 50"#, ConfigError.Code.malformedLayer),
        (#"{"api": {"timeout": 10}}"#, .invalidConfiguration),
        (#"{"api": {"timeout": "fast"}}"#, .invalidConfiguration),
    ])
    func aBrokenEditIsRefusedAndTheFixIsApplied(_ broken: String, _ code: ConfigError.Code) throws {
        let project = try LiveProject()
        defer { project.remove() }
        let live = try LiveConfiguration(directory: project.path, environment: .production)
        try project.write("default.json", broken)
        guard case .refused(let refused) = live.reload() else {
            Issue.record("expected a refused reload")
            return
        }
        #expect(refused.keptGeneration == 1)
        #expect(refused.error.code == code)
        #expect(live.current.number == 1)
        #expect(try live.current.configuration.int("api.timeout") == 5000)
        try project.write(timeout: 6000)
        guard case .applied(let applied) = live.reload() else {
            Issue.record("expected the fix to be applied")
            return
        }
        #expect(applied.generation.number == 2)
    }

    @Test func aMalformedLayerIsRefusedWithItsLocation() throws {
        let project = try LiveProject()
        defer { project.remove() }
        let live = try LiveConfiguration(directory: project.path, environment: .production)
        try project.write("default.json", "{\n  \"api\": {\"timeout\": 50,,}\n}")
        guard case .refused(let refused) = live.reload() else {
            Issue.record("expected a refused reload")
            return
        }
        #expect(refused.error.location?.file.hasSuffix("default.json") == true)
        #expect(refused.error.location?.line == 2)
    }

    @Test func aLayerFileThatAppearsOrDisappearsIsPickedUp() throws {
        let project = try LiveProject()
        defer { project.remove() }
        let live = try LiveConfiguration(directory: project.path, environment: .production)
        try project.write("local.json", #"{"api": {"timeout": 8000}}"#)
        live.reload()
        #expect(try live.current.configuration.int("api.timeout") == 8000)
        #expect(live.current.inputs.contains { $0.path.hasSuffix("local.json") })
        try FileManager.default.removeItem(atPath: project.path + "/local.json")
        live.reload()
        #expect(try live.current.configuration.int("api.timeout") == 5000)
        #expect(live.current.number == 3)
    }

    @Test func withoutAnEnvironmentEachReloadDetectsIt() throws {
        let project = try LiveProject()
        defer { project.remove() }
        try project.write("staging.json", #"{"name": "staging app"}"#)
        let live = try LiveConfiguration(directory: project.path)
        #expect(live.current.configuration.environment == .production)
        try project.write(".bers-env", "staging\n")
        guard case .applied(let applied) = live.reload() else {
            Issue.record("expected an applied reload")
            return
        }
        #expect(applied.generation.configuration.environment == .staging)
        #expect(try applied.generation.configuration.string("name") == "staging app")
    }

    @Test func everySubscriberGetsEveryEventAndStopEndsTheStreams() async throws {
        let project = try LiveProject()
        defer { project.remove() }
        let live = try LiveConfiguration(directory: project.path, environment: .production)
        let first = live.events()
        let second = live.events()
        try project.write(timeout: 6000)
        live.reload()
        try project.write("default.json", "{")
        live.reload()
        live.stop()
        for stream in [first, second] {
            var results: [String] = []
            for await event in stream { results.append(event.result) }
            #expect(results == ["applied", "refused"])
        }
        var late: [ReloadEvent] = []
        for await event in live.events() { late.append(event) }
        #expect(late.isEmpty)
    }
}
