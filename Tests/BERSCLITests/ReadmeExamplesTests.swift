import BERSTestSupport
import Foundation
import Testing

/// README.md's `$ bers …` examples, run on a copy of the example project: what the README shows
/// is what the tool prints, so the README cannot drift from the tool.
@Suite(.enabled(if: CLIRunner.isAvailable, "the bers executable was not built"))
struct ReadmeExamplesTests {
    static let readme = SharedFixtures.packageRoot.appendingPathComponent("README.md")

    @Test func everyExamplePrintsWhatTheReadmeShows() throws {
        let examples = ReadmeExample.extract(from: try String(contentsOf: Self.readme, encoding: .utf8))
        #expect(examples.count >= 12, "README.md lost its examples")
        let workspace = try TemporaryDirectory(prefix: "bers-readme")
        defer { workspace.remove() }
        try FileManager.default.createDirectory(
            at: workspace.url.appendingPathComponent("Examples"),
            withIntermediateDirectories: true
        )
        try FileManager.default.copyItem(
            at: SharedFixtures.packageRoot.appendingPathComponent("Examples/picasso"),
            to: workspace.url.appendingPathComponent("Examples/picasso")
        )
        let shell = ExternalTool(url: URL(fileURLWithPath: "/bin/sh"))
        let binaries = try #require(CLIRunner.executable).deletingLastPathComponent().path
        let path = binaries + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        for example in examples {
            let result = try shell.run(
                ["-c", example.shellCommand + " 2>&1"],
                in: workspace.url,
                environment: ["PATH": path]
            )
            let where_ = "README.md:\(example.line): $ \(example.command)"
            #expect(example.mismatch(result.stdout) == nil, "\(where_)\n\(example.mismatch(result.stdout) ?? "")")
            #expect(
                (result.status != 0) == example.expectsFailure,
                "\(where_) exited \(result.status); the README shows it \(example.expectsFailure ? "failing" : "succeeding")"
            )
        }
    }

    @Test func examplesAreTheDollarLinesOfCodeBlocks() {
        let markdown = """
            text $ not this
            ```
            $ swift run bers one --x
            out 1

            out 2
            $ bers two
            ```
            ```
            no command here
            ```
            """
        let examples = ReadmeExample.extract(from: markdown)
        #expect(examples.map(\.command) == ["swift run bers one --x", "bers two"])
        #expect(examples.map(\.shellCommand) == ["bers one --x", "bers two"])
        #expect(examples[0].output == ["out 1", "", "out 2"])
        #expect(examples[0].line == 3)
        #expect(examples[1].output.isEmpty)
    }

    @Test func anEllipsisLineStandsForAnyLines() {
        let example = ReadmeExample(command: "c", output: ["a", "…", "d"], line: 1)
        #expect(example.mismatch("a\nb\nc\nd\n") == nil)
        #expect(example.mismatch("a\nd") == nil)
        #expect(example.mismatch("a\nb\nc") != nil)
        #expect(example.mismatch("x\nd") != nil)
        let trailing = ReadmeExample(command: "c", output: ["a", "  …"], line: 1)
        #expect(trailing.mismatch("a\nanything\nmore") == nil)
    }

    @Test func anEllipsisInsideALineStandsForAnyText() {
        #expect(ReadmeExample.lineMatches("…config.json:151:23: [x] …", "../shared/config.json:151:23: [x] y"))
        #expect(ReadmeExample.lineMatches("a…b…c", "a-b-c"))
        #expect(!ReadmeExample.lineMatches("a…b…c", "a-c-b"))
        #expect(!ReadmeExample.lineMatches("exact", "exact "))
        #expect(ReadmeExample.lineMatches("ab…ba", "aba") == false)
    }

    @Test func anErrorLineMeansTheExampleFails() {
        #expect(ReadmeExample(command: "c", output: ["x", "error: y"], line: 1).expectsFailure)
        #expect(!ReadmeExample(command: "c", output: ["warning: y"], line: 1).expectsFailure)
    }
}
