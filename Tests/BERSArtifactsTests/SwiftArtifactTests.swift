import BERS
import BERSArtifacts
import BERSJSON
import BERSTestSupport
import Foundation
import Testing

/// The Swift artifact compiles (Swift 6 language mode) and holds exactly the resolved values;
/// its endpoint functions give the URLs and errors of BERS's endpoint table.
struct SwiftArtifactTests {
    /// Compiles `files` with a `main.swift` into an executable and runs it.
    static func compileAndRun(_ files: [String: String], flags: [String] = []) throws -> String {
        let swiftc = try #require(ExternalTool.swiftc)
        let directory = try TemporaryDirectory(prefix: "bers-swift")
        defer { directory.remove() }
        var paths: [String] = []
        for (name, text) in files.sorted(by: { $0.key < $1.key }) { paths.append(try directory.write(name, text).path) }
        let executable = directory.url.appendingPathComponent("program").path
        let compiled = try swiftc.run(["-swift-version", "6"] + flags + paths + ["-o", executable], in: directory.url)
        #expect(compiled.status == 0, "\(compiled.stderr)")
        guard compiled.status == 0 else { return "" }
        let ran = try ExternalTool(url: URL(fileURLWithPath: executable)).run([], in: directory.url)
        #expect(ran.status == 0, "\(ran.stderr)")
        return ran.stdout
    }

    /// Type-checks `source` alone.
    static func typecheck(_ source: String, flags: [String] = []) throws -> ExternalTool.Result {
        let swiftc = try #require(ExternalTool.swiftc)
        let directory = try TemporaryDirectory(prefix: "bers-swift")
        defer { directory.remove() }
        let path = try directory.write("Config.swift", source).path
        return try swiftc.run(["-typecheck", "-swift-version", "6"] + flags + [path], in: directory.url)
    }

    @Test(.enabled(if: ExternalTool.swiftc != nil, swiftcMissing), arguments: ["development", "staging", "production"])
    func picassoArtifactTypechecksInSwift6Mode(_ environment: String) async throws {
        let source = try await Fixtures.picasso(.swift, try Environment(environment))
        let result = try Self.typecheck(source)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty, "warnings: \(result.stderr)")
        #expect(source.contains("public static let environment: Environment = .\(environment)"))
    }

    @Test(.enabled(if: ExternalTool.swiftc != nil, swiftcMissing))
    func endpointFunctionsGiveTheCoreURLsAndErrors() async throws {
        let source = try await Fixtures.picasso(.swift, .staging)
        let main = #"""
            do { print(try PicassoConfig.endpoints.configUrl(tenant: "a b&c/é")) } catch { print("error: " + error.message) }
            do { print(try PicassoConfig.endpoints.conversationUrl(operation: "save state", tenant: "my87674d777bf9")) } catch { print("error: " + error.message) }
            do { print(try PicassoConfig.endpoints.streamingUrl(tenant: "my87674d777bf9")) } catch { print("error: " + error.message) }
            do { print(try PicassoConfig.endpoints.assetUrl(path: "/images//logo.png")) } catch { print("error: " + error.message) }
            do { print(try PicassoConfig.endpoints.tenantAssetUrl(tenant: "my87674d777bf9", path: "x//y z")) } catch { print("error: " + error.message) }
            do { print(try PicassoConfig.endpoints.configUrl(tenant: "")) } catch { print("error: " + error.message) }
            do { print(try PicassoConfig.endpoints.assetUrl(path: "a/../b")) } catch { print("error: " + error.message) }
            do { print(try PicassoConfig.endpoints.assetUrl(path: "../\u{301}b")) } catch { print("error: " + error.message) }
            print(PicassoConfig.endpoints.healthCheckUrl)
            print(PicassoConfig.api.timeout, PicassoConfig.environment.rawValue, PicassoConfig.security.corsOrigins.count, PicassoConfig.performance.sampleRate)
            """#
        let output = try Self.compileAndRun(["Config.swift": source, "main.swift": main])
        let endpoints = try ConfigProject(directory: picassoDirectory).resolve(.staging).endpoints()
        func core(_ name: String, _ parameters: [String: String]) -> String {
            do { return try endpoints.url(name, parameters) } catch { return "error: " + error.message }
        }
        let expected = [
            core("configUrl", ["tenant": "a b&c/é"]),
            core("conversationUrl", ["operation": "save state", "tenant": "my87674d777bf9"]),
            core("streamingUrl", ["tenant": "my87674d777bf9"]),
            core("assetUrl", ["path": "/images//logo.png"]),
            core("tenantAssetUrl", ["tenant": "my87674d777bf9", "path": "x//y z"]),
            core("configUrl", ["tenant": ""]),
            core("assetUrl", ["path": "a/../b"]),
            core("assetUrl", ["path": "../\u{301}b"]),
            core("healthCheckUrl", [:]),
            "8000 staging 2 0.5",
        ]
        #expect(output.split(separator: "\n").map(String.init) == expected)
    }

    static let awkward = #"""
        {
          "environment": "something-else",
          "Content-Type": "text/plain",
          "2fa": true,
          "default": 1,
          "class": {"protocol": {"Protocol": 2, "Type": 3, "self": 4, "init": 5}},
          "Swift": "shadow?",
          "String": {"Int": 7},
          "Widget": {"Widget": "root name inside"},
          "a-b": "first",
          "a_b": "second",
          "": "empty key",
          "café": "accent",
          "multi\nline `key`": {"inner\nkey": [{"x\ny": 1}]},
          "text": "quote \" backslash \\ newline \n tab \t interpolation \\(x) nul \u0000 sep \u2028 emoji 😀",
          "big": 9223372036854775807,
          "small": -9223372036854775808,
          "tiny": 1e-7,
          "tenth": 0.1,
          "integralDouble": 8000.0,
          "nothing": null,
          "empty": [],
          "emptyObject": {},
          "mixed": [1, "two", null, {"three": 3}],
          "numbers": [1, 2.5],
          "optionals": ["a", null],
          "matrix": [[1, 2], [3]],
          "plugins": [
            {"name": "a", "enabled": true, "options": {"level": 1}},
            {"name": "b", "weight": 0.5, "default": "x"}
          ],
          "endpoints": {
            "list": "https://api.example.com/items?page={page-size?}&sort={default}",
            "file": "https://cdn.example.com/{+path}#{anchor?}"
          }
        }
        """#

    @Test(.enabled(if: ExternalTool.swiftc != nil, swiftcMissing))
    func awkwardKeysAndValuesCompileToExactConstants() async throws {
        var files = ["default.json": Self.awkward, "bers.json": #"{"build": {"swift": {"type-name": "Widget"}}}"#]
        files["production.json"] = "{}"
        let source = try await Fixtures.render(.swift, files)
        for identifier in [
            "Content_Type", "_2fa", "`default`", "`class`", "`protocol`", "Protocol_", "Type_", "self_", "init_",
            "Swift_",
            "Widget_", "a_b", "a_b_2", "caf_", "environment_", "multi_line_key_", "inner_key", "x_y",
        ] {
            #expect(source.contains(" \(identifier)"), "missing \(identifier)")
        }
        let main = #"""
            print(Widget.Content_Type, Widget._2fa, Widget.`default`, Widget.`class`.`protocol`.Protocol_, Widget.`class`.`protocol`.Type_)
            print(Widget.String.Int, Widget.Widget_.Widget_, Widget.a_b, Widget.a_b_2, Widget.environment_, Widget.environment)
            print(Widget.text == "quote \" backslash \\ newline \n tab \t interpolation \\(x) nul \0 sep \u{2028} emoji 😀")
            print(Widget.big, Widget.small, Widget.tiny, Widget.tenth, Widget.integralDouble, Widget.nothing as Any)
            print(Widget.empty.count, Widget.numbers, Widget.optionals, Widget.matrix)
            print(Widget.mixed)
            print(Widget.plugins.map(\.name), Widget.plugins[0].options?.level as Any, Widget.plugins[1].weight as Any, Widget.plugins[1].`default` as Any)
            print((try? Widget.endpoints.list(default: "name", page_size: "2")) ?? "-", (try? Widget.endpoints.list(default: "x")) ?? "-")
            print((try? Widget.endpoints.file(path: "a//b c", anchor: nil)) ?? "-")
            """#
        let output = try Self.compileAndRun(["Config.swift": source, "main.swift": main]).split(separator: "\n")
            .map(String.init)
        let expected = [
            "text/plain true 1 2 3",
            "7 root name inside first second something-else production",
            "true",
            "9223372036854775807 -9223372036854775808 1e-07 0.1 8000.0 nil",
            "0 [1.0, 2.5] [Optional(\"a\"), nil] [[1, 2], [3]]",
            "[program.Widget.Value.integer(1), program.Widget.Value.string(\"two\"), program.Widget.Value.null, program.Widget.Value.object([program.Widget.Member(key: \"three\", value: program.Widget.Value.integer(3))])]",
            "[\"a\", \"b\"] Optional(1) Optional(0.5) Optional(\"x\")",
            "https://api.example.com/items?page=2&sort=name https://api.example.com/items?sort=x",
            "https://cdn.example.com/a/b%20c",
        ]
        #expect(output == expected)
    }

    @Test(.enabled(if: ExternalTool.swiftc != nil, swiftcMissing))
    func debugEnvironmentIsCompiledUnderIfDebug() async throws {
        let builder = try Fixtures.picassoBuilder()
        let production = try await builder.prepare(.production, reason: .explicit)
        let development = try await builder.prepare(.development, reason: .explicit)
        let source = String(decoding: try builder.render(.swift, production, debug: development), as: UTF8.self)
        let main =
            "print(PicassoConfig.environment.rawValue, PicassoConfig.api.timeout, PicassoConfig.features.experimentalFeatures)"
        let debugOutput = try Self.compileAndRun(["Config.swift": source, "main.swift": main], flags: ["-D", "DEBUG"])
        let releaseOutput = try Self.compileAndRun(["Config.swift": source, "main.swift": main], flags: ["-O"])
        #expect(debugOutput == "development 10000 true\n")
        #expect(releaseOutput == "production 6000 false\n")
    }

    @Test(.enabled(if: ExternalTool.swiftc != nil, swiftcMissing))
    func constantsFoldAwayInOptimizedBuilds() async throws {
        let swiftc = try #require(ExternalTool.swiftc)
        let source = try await Fixtures.render(
            .swift,
            [
                "default.json": #"{"api": {"timeout": 6000}, "features": {"experimental": false}}"#
            ]
        )
        let use = """
            @inline(never) func expensive() -> Int { 42 }
            public func feature() -> Int {
                if Config.features.experimental { return expensive() }
                return Config.api.timeout
            }
            """
        let directory = try TemporaryDirectory(prefix: "bers-fold")
        defer { directory.remove() }
        let paths = [try directory.write("Config.swift", source).path, try directory.write("use.swift", use).path]
        let sil = directory.url.appendingPathComponent("out.sil").path
        let result = try swiftc.run(
            ["-O", "-wmo", "-parse-as-library", "-module-name", "M", "-emit-sil"] + paths + ["-o", sil],
            in: directory.url
        )
        #expect(result.status == 0, "\(result.stderr)")
        let text = try String(contentsOfFile: sil, encoding: .utf8)
        let start = try #require(text.range(of: "sil @$s1M7featureSiyF"))
        let end = try #require(
            text.range(of: "} // end sil function '$s1M7featureSiyF'", range: start.upperBound..<text.endIndex)
        )
        let body = text[start.upperBound..<end.lowerBound]
        #expect(body.contains("integer_literal $Builtin.Int64, 6000"))
        #expect(!body.contains("expensive"))
        #expect(!body.contains("global_addr"))
    }

    @Test func debugEnvironmentIsRefusedForOtherFormats() async throws {
        let builder = try Fixtures.picassoBuilder()
        let production = try await builder.prepare(.production, reason: .explicit)
        let error = #expect(throws: BuildError.self) { try builder.render(.js, production, debug: production) }
        #expect(error?.code == .invalidSettings)
    }
}
