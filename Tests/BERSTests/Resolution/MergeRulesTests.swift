import BERS
import BERSJSON
import Testing

struct MergeRulesTests {
    @Test func objectsMergeRecursivelyAndScalarsReplace() throws {
        let project = try makeProject([
            "default.json": #"{"a": {"b": 1, "c": {"d": true, "e": "x"}}, "keep": 1}"#,
            "production.json": #"{"a": {"c": {"e": "y", "f": null}, "g": 2}}"#,
        ])
        let config = try project.resolve(.production)
        #expect(config.value == json(#"{"a": {"b": 1, "c": {"d": true, "e": "y", "f": null}, "g": 2}, "keep": 1}"#))
    }

    @Test func arraysReplaceWhole() throws {
        let project = try makeProject([
            "default.json": #"{"list": [1, 2, 3]}"#,
            "production.json": #"{"list": [4]}"#,
        ])
        #expect(try project.resolve(.production).value == json(#"{"list": [4]}"#))
    }

    @Test func aDifferentTypeReplacesInBothDirections() throws {
        let project = try makeProject([
            "default.json": #"{"a": {"x": 1}, "b": 5, "c": [1]}"#,
            "production.json": #"{"a": "flat", "b": {"y": 2}, "c": {"z": 3}}"#,
        ])
        let config = try project.resolve(.production)
        #expect(config.value == json(#"{"a": "flat", "b": {"y": 2}, "c": {"z": 3}}"#))
        #expect(config.provenance(at: "a")?.overrode.first?.value == json(#"{"x": 1}"#))
        #expect(config.provenance(at: "b.y")?.overrode.isEmpty == true)
        #expect(config.provenance(at: "b")?.overrode.first?.value == 5)
    }

    @Test func layersApplyInPrecedenceOrder() throws {
        let project = try makeProject([
            "default.json": #"{"v": "default", "d": 1}"#,
            "staging.json": #"{"v": "staging", "s": 1}"#,
            "local.json": #"{"v": "local", "l": 1}"#,
            "staging.local.json": #"{"v": "staging.local", "sl": 1}"#,
            "production.local.json": #"{"v": "wrong"}"#,
        ])
        let config = try project.resolve(.staging)
        #expect(config.value == json(#"{"v": "staging.local", "d": 1, "s": 1, "l": 1, "sl": 1}"#))
        #expect(config.layers.map(\.name) == ["default", "staging", "local", "staging.local"])
        #expect(config.layers.map(\.kind) == [.defaults, .environment, .local, .environmentLocal])
        #expect(config.provenance(at: "v")?.overrode.map(\.layer.name) == ["local", "staging", "default"])
    }

    @Test func localLayersCanBeLeftOut() throws {
        let project = try makeProject(["default.json": #"{"v": 1}"#, "local.json": #"{"v": 2}"#])
        #expect(try project.resolve(.staging, options: ResolveOptions(includeLocalLayers: false)).value == ["v": 1])
    }

    @Test func customEnvironmentAppliesItsAncestorsFilesRootFirst() throws {
        let project = try makeProject([
            "bers.json": #"{"environments": {"qa": {"inherits": "staging"}, "qa-eu": {"inherits": "qa"}}}"#,
            "default.json": #"{"a": "default", "b": "default", "c": "default", "d": "default"}"#,
            "staging.json": #"{"a": "staging", "b": "staging", "c": "staging"}"#,
            "qa.json": #"{"a": "qa", "b": "qa"}"#,
            "qa-eu.json": #"{"a": "qa-eu"}"#,
            "qa-eu.local.json": #"{"e": "qa-eu.local"}"#,
        ])
        let config = try project.resolve(try project.environment(named: "qa-eu"))
        #expect(config.value == json(#"{"a": "qa-eu", "b": "qa", "c": "staging", "d": "default", "e": "qa-eu.local"}"#))
        #expect(config.layers.map(\.name) == ["default", "staging", "qa", "qa-eu", "qa-eu.local"])
    }

    @Test func appendStrategyConcatenatesArrays() throws {
        let project = try makeProject([
            "bers.json": #"{"merge": {"origins": "append"}}"#,
            "default.json": #"{"origins": ["a", "b"]}"#,
            "production.json": #"{"origins": ["b", "c"]}"#,
        ])
        let config = try project.resolve(.production)
        #expect(config.value == json(#"{"origins": ["a", "b", "b", "c"]}"#))
        #expect(config.provenance(at: "origins.0")?.source.layer.name == "default")
        #expect(config.provenance(at: "origins.3")?.source.layer.name == "production")
        #expect(config.provenance(at: "origins")?.isMerged == true)
    }

    @Test func uniqueStrategyKeepsTheFirstOfEqualElements() throws {
        let project = try makeProject([
            "bers.json": #"{"merge": {"/origins": "unique"}}"#,
            "default.json": #"{"origins": ["a", "b", 1]}"#,
            "production.json": #"{"origins": ["b", "c", 1.0]}"#,
        ])
        #expect(try project.resolve(.production).value == json(#"{"origins": ["a", "b", 1, "c"]}"#))
    }

    @Test func mergeByKeyMergesMatchingElements() throws {
        let project = try makeProject([
            "bers.json": #"{"merge": {"plugins": "merge-by-key:name"}}"#,
            "default.json":
                #"{"plugins": [{"name": "auth", "enabled": true, "level": 1}, {"name": "log", "enabled": true}]}"#,
            "production.json": #"{"plugins": [{"name": "log", "enabled": false}, {"name": "cache"}]}"#,
        ])
        let config = try project.resolve(.production)
        #expect(
            config.value
                == json(
                    #"{"plugins": [{"name": "auth", "enabled": true, "level": 1}, {"name": "log", "enabled": false}, {"name": "cache"}]}"#
                )
        )
        let enabled = try #require(config.provenance(at: "plugins.1.enabled"))
        #expect(enabled.source.layer.name == "production")
        #expect(enabled.overrode.map(\.value) == [true])
    }

    @Test func mergeByKeyRejectsElementsWithoutTheField() {
        let error = #expect(throws: ConfigError.self) {
            try makeProject([
                "bers.json": #"{"merge": {"plugins": "merge-by-key:name"}}"#,
                "default.json": #"{"plugins": [{"name": "a"}]}"#,
                "production.json": "{\"plugins\": [\n  {\"id\": \"b\"}\n]}",
            ])
            .resolve(.production)
        }
        #expect(error?.code == .invalidMergeStrategy)
        #expect(error?.location?.description == "config/production.json:2:3")
    }

    @Test func strategiesOnlyApplyWhereBothSidesAreArrays() throws {
        let project = try makeProject([
            "bers.json": #"{"merge": {"x": "append"}}"#,
            "default.json": #"{"x": "scalar"}"#,
            "production.json": #"{"x": [1]}"#,
        ])
        #expect(try project.resolve(.production).value == json(#"{"x": [1]}"#))
    }

    @Test func largeObjectsMergeInKeyOrderAcrossLayers() throws {
        // More than 16 members take the hashed grouping path.
        let low = (0..<40).map { "\"k\($0)\": \($0)" }.joined(separator: ", ")
        let middle = (20..<50).map { "\"k\($0)\": \($0 * 10)" }.joined(separator: ", ")
        let high = (45..<60).reversed().map { "\"k\($0)\": \"top\($0)\"" }.joined(separator: ", ")
        let project = try makeProject([
            "default.json": "{\"big\": {\(low)}}",
            "production.json": "{\"big\": {\(middle)}}",
            "production.local.json": "{\"big\": {\(high)}}",
        ])
        let config = try project.resolve(.production)
        let keys = try config.object("big").keys
        let expected = (0..<50).map { "k\($0)" } + (50..<60).reversed().map { "k\($0)" }
        #expect(keys == expected)
        #expect(try config.int("big.k3") == 3)
        #expect(try config.int("big.k30") == 300)
        #expect(try config.string("big.k47") == "top47")
        #expect(config.provenance(at: "big.k30")?.overrode.map(\.value) == [.integer(30)])
        #expect(config.provenance(at: "big.k47")?.overrode.map(\.value) == [.integer(470)])
        #expect(config.provenance(at: "big")?.isMerged == true)
    }

    @Test func theResolvedDocumentIsBuiltOnceAndSharedByCopies() throws {
        let project = try makeProject([
            "default.json": #"{"a": {"b": [1, {"c": "long string value, longer than fifteen bytes"}]}}"#,
            "production.json": #"{"a": {"d": 2.5}}"#,
        ])
        let config = try project.resolve(.production)
        let copy = config
        #expect(config.value == copy.value)
        #expect(
            config.value == json(#"{"a": {"b": [1, {"c": "long string value, longer than fifteen bytes"}], "d": 2.5}}"#)
        )
        #expect(config.value(at: "a.b.1") == json(#"{"c": "long string value, longer than fifteen bytes"}"#))
        #expect(try config.double("a.d") == 2.5)
        #expect(try config.double("a.b.0") == 1)
    }

    @Test(arguments: [2, 20])
    func keysWrittenInTwoNormalFormsMergeAsOneKey(_ padding: Int) throws {
        let others = (0..<padding).map { #""p\#($0)": 0, "# }.joined()
        let project = try makeProject([
            "default.json": "{\"names\": {\(others)\"caf\u{e9}\": 1, \"K\": 1}}",
            "production.json": "{\"names\": {\"cafe\u{301}\": 2, \"\u{212A}\": 2}}",
        ])
        let names = try project.resolve(.production).object("names")
        #expect(names.count == padding + 2)
        #expect(names["caf\u{e9}"] == 2)
        #expect(names["K"] == 2)
    }
}
