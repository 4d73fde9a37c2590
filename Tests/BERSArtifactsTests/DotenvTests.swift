@testable import BERSArtifacts
import BERS
import BERSJSON
import BERSTestSupport
import Foundation
import Testing

/// Dotenv values are quoted so that `node --env-file` reads them back exactly.
struct DotenvTests {
    static let values = [
        "plain-value_1.2/3:4@5%6+7,8=9",
        "has spaces",
        "dollar $HOME and ${X} and # hash",
        "double \" and backslash \\ and \\n",
        "single ' quote",
        "single ' and double \" together",
        "multi\nline",
        "multi\nline with ' and \"",
        "",
        "é ünïcode 😀",
    ]

    @Test(.enabled(if: ExternalTool.node != nil, nodeMissing))
    func nodeReadsEveryValueBackExactly() throws {
        var lines: [String] = []
        for (index, value) in Self.values.enumerated() {
            lines.append("V\(index)=\(try DotenvQuoting.quote(value, name: "V\(index)"))")
        }
        let directory = try Fixtures.file("values.env", lines.joined(separator: "\n") + "\n")
        defer { directory.remove() }
        let node = try #require(ExternalTool.node)
        let script =
            "console.log(JSON.stringify(Array.from({length: \(Self.values.count)}, (_, i) => process.env['V' + i] ?? null)))"
        let result = try node.run(["--env-file=values.env", "-e", script], in: directory.url)
        #expect(result.status == 0, "\(result.stderr)")
        let read = try JSONParser().parse(Array(result.stdout.utf8), file: "node").value
        #expect(read == .array(Self.values.map(JSONValue.string)))
    }

    @Test func quotingPrefersBareThenSingleQuotes() throws {
        #expect(try DotenvQuoting.quote("https://x.example/a?b", name: "X") == "'https://x.example/a?b'")
        #expect(try DotenvQuoting.quote("8000", name: "X") == "8000")
        #expect(try DotenvQuoting.quote("a b", name: "X") == "'a b'")
        #expect(try DotenvQuoting.quote("it's", name: "X") == "\"it's\"")
    }

    @Test func valuesNoQuotingKeepsExactAreRefused() {
        let error = #expect(throws: BuildError.self) { try DotenvQuoting.quote("' \" ` \n", name: "ALL_QUOTES") }
        #expect(error?.code == .unrepresentableValue)
        #expect(error?.message.hasPrefix("ALL_QUOTES:") == true)
        #expect(throws: BuildError.self) { try DotenvQuoting.quote("bell \u{7}", name: "BELL") }
    }

    @Test func declaredVariablesAndAutomaticNames() async throws {
        let files = [
            "default.json":
                #"{"api": {"baseUrl": "https://a.example", "timeout": 8000, "tags": ["x", "y"]}, "nothing": null}"#,
            "bers.json": #"{"build": {"dotenv": {"prefix": "APP_"}}}"#,
        ]
        let automatic = try await Fixtures.render(.dotenv, files)
        #expect(automatic.contains("\nAPP_API__BASE_URL=https://a.example\n"))
        #expect(automatic.contains("\nAPP_API__TIMEOUT=8000\n"))
        #expect(automatic.contains("\nAPP_API__TAGS='[\"x\",\"y\"]'\n"))
        #expect(automatic.contains("\nAPP_NOTHING=\n"))
        var declared = files
        declared["bers.json"] =
            #"{"build": {"dotenv": {"variables": {"BASE": "api.baseUrl", "ENV": {"build": "environment"}}}}}"#
        let text = try await Fixtures.render(.dotenv, declared)
        #expect(text.hasSuffix("\nBASE=https://a.example\nENV=production\n"))
    }
}
