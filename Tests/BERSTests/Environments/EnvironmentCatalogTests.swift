import BERS
import Testing

struct EnvironmentCatalogTests {
    @Test func builtInEnvironmentsAreKnown() throws {
        let catalog = EnvironmentCatalog.builtIn
        #expect(catalog.names == ["development", "staging", "production"])
        #expect(try Environment("staging", in: catalog) == .staging)
        #expect(catalog.lineage(of: .production) == [.production])
        #expect(catalog.parent(of: .development) == nil)
    }

    @Test func unknownNameIsRejectedWithTheKnownList() {
        let error = #expect(throws: ConfigError.self) { try Environment("qa") }
        #expect(error?.code == .unknownEnvironment)
        #expect(error?.message == "unknown environment \"qa\" (known: development, staging, production)")
    }

    @Test(arguments: ["Production", "", "1prod", "prod env", "a.b", String(repeating: "a", count: 65)])
    func malformedNamesAreRejected(_ name: String) {
        let error = #expect(throws: ConfigError.self) { try Environment(name) }
        #expect(error?.code == .invalidEnvironmentName)
    }

    @Test func customEnvironmentsInheritInChainsOfAnyLength() throws {
        let catalog = try EnvironmentCatalog(custom: [
            .init(name: "qa", inherits: "staging"),
            .init(name: "qa-eu", inherits: "qa"),
            .init(name: "qa-eu-1", inherits: "qa-eu"),
        ])
        let leaf = try Environment("qa-eu-1", in: catalog)
        #expect(catalog.lineage(of: leaf).map(\.name) == ["staging", "qa", "qa-eu", "qa-eu-1"])
        #expect(catalog.baseEnvironment(of: leaf) == .staging)
        #expect(catalog.names == ["development", "staging", "production", "qa", "qa-eu", "qa-eu-1"])
    }

    @Test func declarationOrderDoesNotMatter() throws {
        let catalog = try EnvironmentCatalog(custom: [
            .init(name: "b", inherits: "a"),
            .init(name: "a", inherits: "production"),
        ])
        #expect(catalog.lineage(of: try Environment("b", in: catalog)).map(\.name) == ["production", "a", "b"])
    }

    @Test func cycleIsAnErrorNamingTheCycle() {
        let error = #expect(throws: ConfigError.self) {
            try EnvironmentCatalog(custom: [
                .init(name: "a", inherits: "b"),
                .init(name: "b", inherits: "c"),
                .init(name: "c", inherits: "a"),
            ])
        }
        #expect(error?.code == .inheritanceCycle)
        #expect(error?.message == "environments inherit in a cycle: a -> b -> c -> a")
    }

    @Test func selfInheritanceIsACycle() {
        let error = #expect(throws: ConfigError.self) {
            try EnvironmentCatalog(custom: [.init(name: "loop", inherits: "loop")])
        }
        #expect(error?.code == .inheritanceCycle)
        #expect(error?.message.contains("loop -> loop") == true)
    }

    @Test func unknownParentIsAnError() {
        let error = #expect(throws: ConfigError.self) {
            try EnvironmentCatalog(custom: [.init(name: "qa", inherits: "stagin")])
        }
        #expect(error?.code == .unknownParent)
        #expect(error?.message == "environment \"qa\" inherits from unknown environment \"stagin\"")
    }

    @Test func redefiningABuiltInOrDeclaringTwiceIsAnError() {
        let builtIn = #expect(throws: ConfigError.self) {
            try EnvironmentCatalog(custom: [.init(name: "production", inherits: "staging")])
        }
        #expect(builtIn?.code == .invalidEnvironmentName)
        let twice = #expect(throws: ConfigError.self) {
            try EnvironmentCatalog(custom: [
                .init(name: "qa", inherits: "staging"), .init(name: "qa", inherits: "production"),
            ])
        }
        #expect(twice?.code == .invalidEnvironmentName)
    }
}

struct ReservedEnvironmentNameTests {
    @Test(arguments: ["default", "local"])
    func layerFileNamesCannotNameEnvironments(_ name: String) {
        let error = #expect(throws: ConfigError.self) {
            try EnvironmentCatalog(custom: [.init(name: name, inherits: "staging")])
        }
        #expect(error?.code == .invalidEnvironmentName)
    }
}
