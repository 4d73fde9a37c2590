import BERS
import BERSJSON
import Testing

/// Each operation over the layer files of a project in memory: what it changes, what it leaves
/// alone, and the errors it raises, located in the layer file.
@Suite struct KeyMigrationOperationTests {
    /// Plans `operations` (one step) over `layers` and returns the plan.
    private func plan(_ layers: [String: String], _ operations: String...) throws -> KeyMigrationPlan {
        try KeyMigrationFixture(layers, steps: [step(operations.joined(separator: ", "))]).plan()
    }

    /// The new contents of `name` in `plan`, parsed.
    private func migrated(_ plan: KeyMigrationPlan, _ name: String) -> JSONValue? {
        guard let file = plan.files.first(where: { $0.path == "config/\(name)" }) else { return nil }
        return try? JSONValue(parsing: String(decoding: file.contents, as: UTF8.self))
    }

    private func failure(_ layers: [String: String], _ operations: String...) -> ConfigError? {
        do {
            _ = try KeyMigrationFixture(layers, steps: [step(operations.joined(separator: ", "))]).plan()
            return nil
        } catch let error as ConfigError {
            return error
        } catch {
            return nil
        }
    }

    @Test func renameKeepsTheKeyInItsPlace() throws {
        let plan = try plan(
            ["default.json": #"{"api": {"base": "x", "timeout": 30, "retries": 2}}"#],
            #"{"op": "rename", "path": "api.timeout", "to": "timeoutMs"}"#
        )
        let api = try #require(migrated(plan, "default.json")?["api"]?.objectValue)
        #expect(api.keys == ["base", "timeoutMs", "retries"])
        #expect(plan.files[0].changes.map(\.text) == ["> api.timeout -> api.timeoutMs"])
    }

    @Test func moveCreatesTheObjectsOnTheWay() throws {
        let plan = try plan(
            ["default.json": #"{"api": {"retries": 2}}"#, "production.json": #"{"api": {"retries": 5}}"#],
            #"{"op": "move", "from": "/api/retries", "to": "http.client.retries"}"#
        )
        #expect(migrated(plan, "default.json") == json(#"{"api": {}, "http": {"client": {"retries": 2}}}"#))
        #expect(migrated(plan, "production.json") == json(#"{"api": {}, "http": {"client": {"retries": 5}}}"#))
        #expect(
            plan.files[1].changes[0].jsonValue
                == json(#"{"op": "move", "from": "/api/retries", "path": "/http/client/retries", "step": 1}"#)
        )
    }

    @Test func removeDeletesTheValue() throws {
        let plan = try plan(
            ["default.json": #"{"features": {"legacy": {"on": true}, "chat": true}}"#],
            #"{"op": "remove", "path": "features.legacy"}"#
        )
        #expect(migrated(plan, "default.json") == json(#"{"features": {"chat": true}}"#))
        #expect(plan.files[0].changes.map(\.text) == [#"- features.legacy: {"on":true}"#])
    }

    @Test func operationsOnAbsentPathsDoNothing() throws {
        let plan = try plan(
            ["default.json": #"{"api": {"timeout": 30}}"#],
            #"{"op": "rename", "path": "api.gone", "to": "x"}"#,
            #"{"op": "move", "from": "gone", "to": "x"}"#,
            #"{"op": "remove", "path": "api.timeout.deeper"}"#,
            #"{"op": "change-type", "path": "api.gone", "conversion": "string-to-number"}"#
        )
        #expect(plan.files.isEmpty)
        #expect(plan.steps.count == 1)
        #expect(plan.text.contains("no layer file changes"))
    }

    @Test func setDefaultWritesTheDefaultLayerOnlyWhenNoSharedLayerSetsIt() throws {
        let layers = ["default.json": #"{"api": {}}"#, "production.json": #"{"api": {"rateLimit": 5}}"#]
        let present = try plan(layers, #"{"op": "set-default", "path": "api.rateLimit", "value": 100}"#)
        #expect(present.files.isEmpty)
        let absent = try plan(layers, #"{"op": "set-default", "path": "api.burst", "value": 10}"#)
        #expect(migrated(absent, "default.json") == json(#"{"api": {"burst": 10}}"#))
        #expect(absent.files.map(\.path) == ["config/default.json"])
        #expect(absent.files[0].changes.map(\.text) == ["+ api.burst: 10"])
    }

    @Test func setDefaultIgnoresLocalLayersAndCreatesDefaultJSONWhenMissing() throws {
        let plan = try plan(
            ["production.yaml": "api:\n  timeout: 1\n", "local.json": #"{"api": {"rateLimit": 5}}"#],
            #"{"op": "set-default", "path": "api.rateLimit", "value": 100}"#
        )
        let created = try #require(plan.files.first)
        #expect(created.path == "config/default.json" && created.isNew && !created.isYAML)
        #expect(migrated(plan, "default.json") == json(#"{"api": {"rateLimit": 100}}"#))
    }

    @Test func changeTypeConvertsInEveryLayerAndSkipsConvertedValues() throws {
        let plan = try plan(
            ["default.json": #"{"api": {"timeout": "30"}}"#, "staging.json": #"{"api": {"timeout": 8}}"#],
            #"{"op": "change-type", "path": "api.timeout", "conversion": "string-to-number"}"#
        )
        #expect(plan.files.map(\.path) == ["config/default.json"])
        #expect(plan.files[0].changes.map(\.text) == [#"~ api.timeout: "30" -> 30"#])
    }

    @Test func anUnconvertibleValueNamesTheLayerFileLineAndColumn() throws {
        let layers = [
            "default.json": #"{"api": {"timeout": "30"}}"#, "staging.json": "{\n  \"api\": {\"timeout\": \"soon\"}\n}",
        ]
        let error = try #require(
            failure(layers, #"{"op": "change-type", "path": "api.timeout", "conversion": "string-to-number"}"#)
        )
        #expect(error.code == .keyMigrationCannotConvert)
        #expect(error.location?.description == "config/staging.json:2:22")
        #expect(error.message.contains("cannot convert api.timeout with string-to-number: the string is not a number"))
        #expect(error.message.contains("migration 0001 (change-type at config/migrations/0001-step.json:1:"))
        #expect(!error.message.contains("soon"))
    }

    @Test func theLocationOfAMovedValueIsFoundInTheOriginal() throws {
        let layers = ["default.json": "{\n  \"api\": {\n    \"timeout\": \"x\"\n  }\n}"]
        let error = try #require(
            failure(
                layers,
                #"{"op": "move", "from": "api.timeout", "to": "http.timeout"}"#,
                #"{"op": "change-type", "path": "http.timeout", "conversion": "string-to-number"}"#
            )
        )
        #expect(error.location?.description == "config/default.json:3:16")
    }

    @Test func aTargetThatExistsIsAnErrorNotAnOverwrite() throws {
        let layers = ["default.json": "{\"api\": {\"timeout\": 30,\n \"timeoutMs\": 5}}"]
        let error = try #require(failure(layers, #"{"op": "rename", "path": "api.timeout", "to": "timeoutMs"}"#))
        #expect(error.code == .keyMigrationTargetExists)
        #expect(error.location?.description == "config/default.json:2:2")
        #expect(error.message.contains("config/default.json already sets api.timeoutMs"))
        let moved = try #require(failure(layers, #"{"op": "move", "from": "api.timeoutMs", "to": "api.timeout"}"#))
        #expect(moved.code == .keyMigrationTargetExists)
    }

    @Test func pathsDoNotGoIntoArraysOrThroughScalars() throws {
        let layers = ["default.json": #"{"servers": [{"port": 1}], "api": "flat"}"#]
        let array = try #require(failure(layers, #"{"op": "remove", "path": "servers.0.port"}"#))
        #expect(array.code == .keyMigrationPathConflict)
        #expect(array.message.contains("goes through the array at servers"))
        let scalar = try #require(failure(layers, #"{"op": "set-default", "path": "api.timeout", "value": 1}"#))
        #expect(scalar.code == .keyMigrationPathConflict)
        #expect(scalar.message.contains("api is string, not an object"))
    }

    @Test func secretValuesAreFlaggedForRedaction() throws {
        let plan = try plan(
            [
                "bers.json": #"{"schema": "app.schema.json"}"#,
                "app.schema.json": #"{"properties": {"db": {"properties": {"password": {"writeOnly": true}}}}}"#,
                "default.json":
                    #"{"db": {"password": "hunter2", "key": "enc:v1:key-2024a:QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlq"}, "api": {"port": "80"}}"#,
            ],
            #"{"op": "change-type", "path": "db.password", "conversion": "value-to-array"}"#,
            #"{"op": "rename", "path": "db.key", "to": "sealed"}"#,
            #"{"op": "change-type", "path": "api.port", "conversion": "string-to-number"}"#
        )
        let changes = try #require(plan.files.first?.changes)
        #expect(changes.map(\.isSecret) == [true, true, false])
        #expect(changes[0].text == "~ db.password: <redacted> -> <redacted>")
        #expect(changes[0].jsonValue["value"] == "<redacted>" && changes[0].jsonValue["old"] == "<redacted>")
        #expect(!plan.text.contains("hunter2") && !plan.jsonValue(written: false).jsonText.contains("hunter2"))
    }
}
