import BERS
import BERSJSON
import Testing

/// Reading step files: every operation, and every malformed step with its code, `file:line:col`
/// and message.
@Suite struct KeyMigrationStepTests {
    private let layers = ["default.json": #"{"api": {"timeout": "30"}}"#]

    private func steps(_ texts: [String]) throws -> [KeyMigrationStep] {
        try KeyMigrationFixture(layers, steps: texts).project().keyMigrationSteps()
    }

    /// The error reading a project whose only step is `text`.
    private func failure(_ text: String) -> ConfigError? {
        do {
            _ = try steps([text])
            return nil
        } catch let error as ConfigError {
            return error
        } catch {
            return nil
        }
    }

    @Test func readsEveryOperation() throws {
        let text = step(
            #"{"op": "change-type", "path": "api.timeout", "conversion": "seconds-to-milliseconds"}"#,
            #"{"op": "rename", "path": "api.timeout", "to": "timeoutMs"}"#,
            #"{"op": "move", "from": "/api/retries", "to": "http.retries"}"#,
            #"{"op": "remove", "path": "features.legacy"}"#,
            #"{"op": "set-default", "path": "api.rateLimit", "value": {"perMinute": 100}}"#,
            description: "timeouts in milliseconds"
        )
        let read = try #require(try steps([text]).first)
        #expect(read.number == 1 && read.label == "0001" && read.description == "timeouts in milliseconds")
        #expect(read.path == "config/migrations/0001-step.json")
        #expect(
            read.operations.map(\.action) == [
                .changeType(path: "/api/timeout", conversion: .secondsToMilliseconds),
                .rename(path: "/api/timeout", to: "timeoutMs"),
                .move(from: "/api/retries", to: "/http/retries"),
                .remove(path: "/features/legacy"),
                .setDefault(path: "/api/rateLimit", value: ["perMinute": 100]),
            ]
        )
        #expect(read.operations[1].destination == "/api/timeoutMs")
        #expect(read.operations[0].location?.column == column(of: #"{"op""#, in: text))
    }

    /// The 1-based column where `needle` starts in one-line `text`.
    private func column(of needle: String, in text: String) -> Int {
        guard let range = text.range(of: needle) else { return 0 }
        return text.distance(from: text.startIndex, to: range.lowerBound) + 1
    }

    @Test func malformedJSONIsLocated() throws {
        let error = try #require(failure(#"{"description": "x", "operations": [}"#))
        #expect(error.code == .keyMigrationInvalidStep)
        #expect(error.location?.file == "config/migrations/0001-step.json")
        #expect(error.location?.line == 1)
    }

    @Test func anUnknownOperationSuggestsTheClosest() throws {
        let text = step(#"{"op": "renam", "path": "a", "to": "b"}"#)
        let error = try #require(failure(text))
        #expect(error.code == .keyMigrationInvalidStep)
        #expect(error.message.contains(#"unknown operation "renam"; did you mean "rename"?"#))
        #expect(
            error.location?.description == "config/migrations/0001-step.json:1:\(column(of: #""renam""#, in: text))"
        )
    }

    @Test func anUnknownConversionListsTheKnownOnes() throws {
        let error = try #require(failure(step(#"{"op": "change-type", "path": "a", "conversion": "to-number"}"#)))
        #expect(error.code == .keyMigrationInvalidStep)
        #expect(error.message.contains("string-to-number, number-to-string"))
    }

    @Test(arguments: [
        (#"[]"#, "must be an object"),
        (#"{"operations": [{"op": "remove", "path": "a"}]}"#, "needs a \"description\""),
        (#"{"description": "x", "operations": []}"#, "non-empty array"),
        (#"{"description": "x", "ops": []}"#, "unknown key \"ops\""),
        (step(#"{"path": "a"}"#), "needs \"op\""),
        (step(#"{"op": "remove"}"#), "a path is required"),
        (step(#"{"op": "remove", "path": "a", "to": "b"}"#), "unknown key \"to\""),
        (step(#"{"op": "remove", "path": "a..b"}"#), "not a path to a key"),
        (step(#"{"op": "remove", "path": ""}"#), "not a path to a key"),
        (step(#"{"op": "remove", "path": "/a~2"}"#), "~"),
        (step(#"{"op": "rename", "path": "a.b", "to": "c.d"}"#), "rename takes a key name"),
        (step(#"{"op": "rename", "path": "a.b", "to": "b"}"#), "already called"),
        (step(#"{"op": "move", "from": "a", "to": "a.b"}"#), "inside itself"),
        (step(#"{"op": "set-default", "path": "a"}"#), "needs \"value\""),
        (step(#"{"op": "change-type", "path": "a"}"#), "needs \"conversion\""),
    ])
    func malformedStepsAreTypedErrors(_ text: String, _ expected: String) throws {
        let error = try #require(failure(text))
        #expect(error.code == .keyMigrationInvalidStep)
        #expect(error.message.contains(expected), "\(error.message)")
        #expect(error.location?.file == "config/migrations/0001-step.json")
    }

    @Test func aUnitConversionMustBeFollowedByARenameOrMove() throws {
        let alone = step(#"{"op": "change-type", "path": "api.timeout", "conversion": "seconds-to-milliseconds"}"#)
        let error = try #require(failure(alone))
        #expect(error.code == .keyMigrationInvalidStep)
        #expect(error.message.contains("rename or move api.timeout later in this step"))
        let movedParent = step(
            #"{"op": "change-type", "path": "api.timeout", "conversion": "seconds-to-milliseconds"}"#,
            #"{"op": "move", "from": "api", "to": "http"}"#
        )
        #expect(failure(movedParent) == nil)
    }
}
