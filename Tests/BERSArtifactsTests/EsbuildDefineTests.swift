import BERS
import BERSArtifacts
import BERSJSON
import BERSTestSupport
import Foundation
import Testing

/// The esbuild-define artifact: every value is JSON text, as esbuild's `define` takes it.
struct EsbuildDefineTests {
    @Test func picassoDefinesAreJSONEncodedValues() async throws {
        let text = try await Fixtures.picasso(.esbuildDefine, .staging)
        let object = try #require(try JSONParser().parse(Array(text.utf8), file: "define.json").value.objectValue)
        #expect(object.keys.first == "__ENVIRONMENT__")
        func decoded(_ name: String) throws -> JSONValue {
            let encoded = try #require(object[name]?.stringValue)
            return try JSONParser().parse(Array(encoded.utf8), file: name).value
        }
        #expect(try decoded("__ENVIRONMENT__") == "staging")
        #expect(try decoded("__API_BASE_URL__") == "https://staging.chat.myrecruiter.ai/Master_Function")
        #expect(
            try decoded("__CONFIG_ENDPOINT__")
                == "https://staging.chat.myrecruiter.ai/Master_Function?action=get_config"
        )
        #expect(try decoded("__CONFIG_DOMAIN__") == "https://staging.chat.myrecruiter.ai")
        #expect(try decoded("__IS_STAGING__") == true)
        #expect(try decoded("__IS_PRODUCTION__") == false)
        #expect(try decoded("__BUILD_TIME__") == .null)
        #expect(try decoded("__DEFAULT_TENANT_HASH__") == "my87674d777bf9")
    }

    @Test(.enabled(if: ExternalTool.node != nil, nodeMissing))
    func nodeEvaluatesEachDefineToItsValue() async throws {
        let text = try await Fixtures.picasso(.esbuildDefine, .production)
        let script = """
            import fs from "node:fs";
            const defines = JSON.parse(fs.readFileSync("./module.mjs", "utf8"));
            console.log(JSON.stringify(Object.fromEntries(Object.entries(defines).map(([k, v]) => [k, JSON.parse(v)]))));
            """
        let out = try NodeRunner.run(module: text, script: script)
        #expect(out["__ENVIRONMENT__"] == "production")
        #expect(out["__STREAMING_ENDPOINT__"] == "https://chat.myrecruiter.ai/stream")
        #expect(out["__IS_PRODUCTION__"] == true)
    }

    @Test func withoutDeclarationsTheEnvironmentAndConfigurationAreDefined() async throws {
        let text = try await Fixtures.render(.esbuildDefine, ["default.json": #"{"a": {"b": [1, "x"]}}"#])
        #expect(
            text
                == "{\n  \"__ENVIRONMENT__\": \"\\\"production\\\"\",\n  \"__CONFIG__\": \"{\\\"a\\\":{\\\"b\\\":[1,\\\"x\\\"]}}\"\n}\n"
        )
    }

    @Test func largeIntegersAreRefusedOrWrittenAsStrings() async throws {
        let files = ["default.json": #"{"id": 12345678901234567890, "count": 9007199254740993}"#]
        let error = await #expect(throws: BuildError.self) { _ = try await Fixtures.render(.esbuildDefine, files) }
        #expect(error?.code == .unrepresentableValue)
        var asStrings = files
        asStrings["bers.json"] =
            #"{"build": {"esbuild-define": {"large-integers": "string", "defines": {"COUNT": "count"}}}}"#
        #expect(try await Fixtures.render(.esbuildDefine, asStrings).contains(#""COUNT": "\"9007199254740993\"""#))
    }
}
