import BERSTestSupport
import BERS
import BERSArtifacts
import BERSJSON
import Testing

/// The js artifact without a declared surface: the whole configuration, deeply frozen, any key.
struct JSModuleTests {
    static let files = [
        "default.json": #"""
        {"Content-Type": "text/plain", "": "empty", "default": 1, "2fa": true, "é": "\u2028",
         "nested": {"list": [1, 2.5, {"a": null}]}, "big": 9007199254740993}
        """#,
        "bers.json": #"{"build": {"js": {"large-integers": "bigint"}}}"#,
    ]

    @Test(.enabled(if: ExternalTool.node != nil, nodeMissing))
    func everyKeyLoadsAndEveryLevelIsFrozen() async throws {
        let module = try await Fixtures.render(.js, Self.files)
        let script = """
            import config from "./module.mjs";
            console.log(JSON.stringify([config["Content-Type"], config[""], config.default, config["2fa"], config["é"],
              config.nested.list[2].a, String(config.big), Object.isFrozen(config.nested.list[2]), Object.keys(config)]));
            """
        let out = try NodeRunner.run(module: module, script: script)
        #expect(
            out == [
                "text/plain", "empty", 1, true, "\u{2028}", nil, "9007199254740993", true,
                ["Content-Type", "", "default", "2fa", "é", "nested", "big"],
            ]
        )
    }

    @Test func largeIntegersFailTheBuildUnlessAnEncodingIsChosen() async throws {
        var files = Self.files
        files["bers.json"] = nil
        let error = await #expect(throws: BuildError.self) { _ = try await Fixtures.render(.js, files) }
        #expect(error?.code == .unrepresentableValue)
        #expect(error?.message.hasPrefix("big = 9007199254740993 is beyond ±2^53") == true)
    }

    @Test func anInvalidObjectNameIsRefused() async throws {
        var files = Self.files
        files["bers.json"] = #"{"build": {"js": {"object": "default"}}}"#
        let error = await #expect(throws: BuildError.self) { _ = try await Fixtures.render(.js, files) }
        #expect(error?.code == .invalidIdentifier)
    }
}
