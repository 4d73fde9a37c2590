import BERS
import BERSJSON
import Testing

/// A tenant migrations file with mistakes: each is a `config.invalid-project-file` error located at
/// `file:line:col` in the migrations file, with a message naming the problem.
@Suite struct TenantMigrationReaderTests {
    private func readError(_ migrations: String) throws -> ConfigError {
        try #require(throws: ConfigError.self) { try MigrationFixture.project(migrations: migrations).tenantMigrator() }
    }

    /// One step 1.0 → 1.1 holding `operation`, which starts on line 3 at column 5.
    private func stepWith(_ operation: String) -> String {
        """
        {"steps": [
          {"from": "1.0", "to": "1.1", "description": "d", "operations": [
            \(operation)
          ]}
        ]}
        """
    }

    private func expect(
        _ error: ConfigError,
        at line: Int,
        _ column: Int,
        _ message: String,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        #expect(error.code == .invalidProjectFile, sourceLocation: sourceLocation)
        #expect(error.code.rawValue == "config.invalid-project-file", sourceLocation: sourceLocation)
        #expect(
            error.location?.description == "\(MigrationFixture.catalogFile):\(line):\(column)",
            sourceLocation: sourceLocation
        )
        #expect(error.message.contains(message), "\(error.message)", sourceLocation: sourceLocation)
    }

    @Test func aWellFormedFileReads() throws {
        let migrator =
            try MigrationFixture.project(
                migrations: stepWith(#"{"op": "add", "path": "/card_inventory", "value": {}}"#)
            )
            .tenantMigrator()
        #expect(migrator.catalog.steps.map(\.name) == ["1.0 → 1.1"])
        #expect(migrator.catalog.file == MigrationFixture.catalogFile)
        #expect(migrator.catalog.stamp == nil)
    }

    @Test func anUnknownOperation() throws {
        let error = try readError(stepWith(#"{"op": "rename", "path": "/a"}"#))
        expect(
            error,
            at: 3,
            12,
            #"/steps/0/operations/0/op: expected one of "add", "array-to-map", "deprecate", "derive-text", "infer", "remove", found "rename""#
        )
    }

    @Test func aMissingOperationKind() throws {
        let error = try readError(stepWith(#"{"path": "/a", "value": 1}"#))
        expect(error, at: 3, 5, #"missing "op" (one of add, array-to-map, deprecate, derive-text, infer, remove)"#)
    }

    @Test func anUnknownKeyInAnOperation() throws {
        let error = try readError(stepWith(#"{"op": "add", "paht": "/a", "value": 1}"#))
        expect(error, at: 3, 19, #"unknown key "paht"; did you mean "path"?"#)
    }

    @Test func aGapInTheChain() throws {
        let error = try readError(
            """
            {"steps": [
              {"from": "1.0", "to": "1.1", "description": "a", "operations": []},
              {"from": "1.2", "to": "1.3", "description": "b", "operations": []}
            ]}
            """
        )
        expect(error, at: 3, 12, "step 1.2 → 1.3 does not start where the previous step (1.0 → 1.1) ends")
    }

    @Test func aBadVersionString() throws {
        let error = try readError(
            """
            {"steps": [
              {"from": "one", "to": "1.1", "description": "a", "operations": []}
            ]}
            """
        )
        expect(error, at: 2, 12, #"expected a version such as "1.3" or "1.4.1", found "one""#)
    }

    @Test func aStepGoingBackwards() throws {
        let error = try readError(
            """
            {"steps": [
              {"from": "1.3", "to": "1.2", "description": "a", "operations": []}
            ]}
            """
        )
        expect(error, at: 2, 25, "a step goes to a newer version (1.3 → 1.2)")
    }

    @Test func anUnknownPlaceholderInADeriveTextTemplate() throws {
        let error = try readError(
            stepWith(
                #"{"op": "derive-text", "each": "/cta_definitions/*", "member": "prompt", "template": "About {label}", "empty-template": "About"}"#
            )
        )
        expect(error, at: 3, 89, "unknown placeholder {label}")
        #expect(error.message.contains("(known: {1}, {key}, {text})"))
    }

    @Test func aPlaceholderOnlyTheEmptyTemplateKnows() throws {
        let error = try readError(
            stepWith(
                #"{"op": "derive-text", "each": "/cta_definitions/*", "member": "prompt", "template": "About {lowercased}", "empty-template": "About"}"#
            )
        )
        expect(error, at: 3, 89, "unknown placeholder {lowercased}")
    }

    @Test func aCaptureThePatternDoesNotHave() throws {
        let error = try readError(
            stepWith(
                #"{"op": "derive-text", "each": "/cta_definitions/*", "member": "prompt", "template": "About {2}", "empty-template": "About"}"#
            )
        )
        expect(error, at: 3, 89, "{2} captures nothing: the pattern has 1 wildcard")
    }

    @Test func anUnclosedBrace() throws {
        let error = try readError(
            stepWith(
                #"{"op": "derive-text", "each": "/cta_definitions/*", "member": "prompt", "template": "About {text", "empty-template": "About"}"#
            )
        )
        expect(error, at: 3, 89, #""{" is not closed"#)
    }

    @Test func aMissingStepDescription() throws {
        let error = try readError(
            """
            {"steps": [
              {"from": "1.0", "to": "1.1", "operations": []}
            ]}
            """
        )
        expect(error, at: 2, 3, #"/steps/0/description: missing "description""#)
    }

    @Test func aMissingAddValue() throws {
        let error = try readError(stepWith(#"{"op": "add", "path": "/card_inventory"}"#))
        expect(error, at: 3, 5, #"missing "value""#)
    }

    @Test func aMissingDeriveTextTemplate() throws {
        let error = try readError(
            stepWith(
                #"{"op": "derive-text", "each": "/cta_definitions/*", "member": "prompt", "empty-template": "About"}"#
            )
        )
        expect(error, at: 3, 5, #"missing "template""#)
    }

    @Test func aMissingInferFallback() throws {
        let error = try readError(
            stepWith(
                #"{"op": "infer", "each": "/conversational_forms/*", "member": "program", "from-key": [{"contains": ["lb_"], "value": "lovebox"}]}"#
            )
        )
        expect(error, at: 3, 5, #"missing "otherwise""#)
    }

    @Test func aMissingArrayToMapKey() throws {
        let error = try readError(stepWith(#"{"op": "array-to-map", "path": "/action_chips/default_chips"}"#))
        expect(error, at: 3, 5, #"missing "key-from""#)
    }

    @Test func aWildcardWhereOnePlaceIsMeant() throws {
        let error = try readError(stepWith(#"{"op": "add", "path": "/cta_definitions/*/prompt", "value": ""}"#))
        expect(error, at: 3, 27, "expected a JSON pointer without wildcards")
    }

    @Test func aBadFailureCode() throws {
        let error = try readError(
            stepWith(
                #"{"op": "infer", "each": "/f/*", "member": "program", "from-key": [{"contains": ["lb_"], "value": "lovebox"}], "otherwise": {"code": "Not A Code", "message": "m"}}"#
            )
        )
        expect(error, at: 3, 137, "a code is dot-separated lowercase words")
    }

    @Test func malformedJSONIsLocated() throws {
        let error = try readError("{\"steps\": [\n  {\"from\": \"1.0\",,}\n]}")
        #expect(error.code == .invalidProjectFile)
        #expect(error.location?.file == MigrationFixture.catalogFile)
        #expect(error.location?.line == 2)
    }

    @Test func aProjectWithoutMigrationsSaysSo() throws {
        let error = try #require(throws: ConfigError.self) {
            try makeProject(["bers.json": #"{"tenants": {}}"#]).tenantMigrator()
        }
        #expect(error.code == .invalidProjectFile)
        #expect(error.message.contains("names no tenant migrations"))
    }
}
