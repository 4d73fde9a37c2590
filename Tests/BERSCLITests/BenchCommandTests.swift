import BERSJSON
import BERSTestSupport
import BERSYAML
import Foundation
import Testing

/// `bers bench` on a copy of the example project, with few iterations: the shape of what it
/// prints and writes, never how long anything took.
@Suite(.enabled(if: CLIRunner.isAvailable, "the bers executable was not built"))
struct BenchCommandTests {
    static let operations = ["detection", "loading", "lookup", "url", "validation", "tenant-cold", "tenant-cached"]

    @Test func theTextReportHasEveryOperationAndAVerdict() throws {
        try withExample { config, _ in
            let result = try CLIRunner.run(["bench", "--config-dir", config, "--env", "staging", "--iterations", "3"])
            #expect(result.status == 0, "\(result.stderr)")
            let lines = result.stdout.split(separator: "\n").map(String.init)
            #expect(lines.first == "bers bench: staging, 3 calls per operation")
            #expect(lines[1].hasPrefix("operation  "))
            for (index, operation) in Self.operations.enumerated() {
                let cells = lines[2 + index].split(separator: " ", omittingEmptySubsequences: true)
                #expect(cells.first.map(String.init) == operation)
                #expect(cells.dropFirst().first == "3")
                #expect(["excellent", "good", "slow"].contains(cells.last.map(String.init) ?? ""))
            }
            #expect(lines.contains { $0.hasPrefix("memory growth: ") && $0.contains(" over 3 resolves ") })
            #expect(lines.contains { $0.hasPrefix("success: 100% of 21 calls ") })
            #expect(lines.last?.hasPrefix("verdict: ") == true)
            #expect(result.stderr.isEmpty, "no progress bar when standard error is not a terminal")
        }
    }

    @Test func markdownIsATable() throws {
        try withExample { config, _ in
            let result = try CLIRunner.run([
                "bench", "--config-dir", config, "--env", "production", "--iterations", "2", "--format", "markdown",
            ])
            #expect(result.status == 0)
            let rows = result.stdout.split(separator: "\n").filter { $0.hasPrefix("| ") }
            #expect(rows.first == "| operation | calls | mean | median | p95 | p99 | max | success | target | rating |")
            #expect(rows.count == 1 + Self.operations.count)
            #expect(result.stdout.hasPrefix("### bers bench: production, 2 calls per operation\n"))
        }
    }

    @Test func jsonSaveAndSVGDescribeTheSameRun() throws {
        try withExample { config, directory in
            let saved = directory.appendingPathComponent("run.json").path
            let chart = directory.appendingPathComponent("bench.svg").path
            let result = try CLIRunner.run([
                "bench", "--config-dir", config, "--env", "staging", "--iterations", "2", "--json", "--save", saved,
                "--svg", chart,
            ])
            #expect(result.status == 0)
            let printed = try JSONValue(parsing: result.stdout)
            #expect(printed["format"] == "bers-bench/1")
            #expect(printed["machine"]?["bers-version"] != nil)
            #expect(
                printed["report"]?["operations"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == Self.operations
            )
            let file = try JSONValue(parsing: String(contentsOfFile: saved, encoding: .utf8))
            #expect(file == printed)
            let outline = XMLOutline(parsing: try String(contentsOfFile: chart, encoding: .utf8))
            #expect(outline.isWellFormed, "\(outline.error ?? "")")
            #expect(Set(Self.operations).isSubset(of: Set(outline.texts)))
        }
    }

    @Test func aBaselineWithinTheThresholdExitsZeroAndAFasterOneExitsOne() throws {
        try withExample { config, directory in
            let saved = directory.appendingPathComponent("run.json").path
            let arguments = ["bench", "--config-dir", config, "--env", "staging", "--iterations", "2"]
            #expect(try CLIRunner.run(arguments + ["--save", saved]).status == 0)
            let within = try CLIRunner.run(arguments + ["--baseline", saved, "--threshold", "1000000000"])
            #expect(within.status == 0)
            #expect(within.stdout.contains("\nbaseline: "))
            #expect(within.stdout.hasSuffix("no operation regressed by more than 1000000000%\n"))

            // A baseline a thousand times faster than anything can be: every median regressed.
            var text = try String(contentsOfFile: saved, encoding: .utf8)
            text = Self.scalingMedians(text, by: 0.000_001)
            try text.write(toFile: saved, atomically: true, encoding: .utf8)
            let slower = try CLIRunner.run(arguments + ["--baseline", saved, "--format", "markdown"])
            #expect(slower.status == 1)
            #expect(slower.stdout.contains("| loading | "))
            #expect(slower.stdout.contains("regressed by more than 20%: detection, loading"))
        }
    }

    @Test func aBaselineMissingAnOperationReportsIt() throws {
        try withExample { config, directory in
            let saved = directory.appendingPathComponent("run.json").path
            let arguments = ["bench", "--config-dir", config, "--env", "staging", "--iterations", "2"]
            #expect(try CLIRunner.run(arguments + ["--save", saved]).status == 0)
            var run = try JSONValue(parsing: String(contentsOfFile: saved, encoding: .utf8)).objectValue ?? [:]
            var report = run["report"]?.objectValue ?? [:]
            report["operations"] = .array((report["operations"]?.arrayValue ?? []).filter { $0["name"] != "url" })
            run["report"] = .object(report)
            try JSONValue.object(run).jsonText.write(toFile: saved, atomically: true, encoding: .utf8)
            let result = try CLIRunner.run(arguments + ["--baseline", saved, "--threshold", "1000000000", "--json"])
            #expect(result.status == 0)
            let entries = try JSONValue(parsing: result.stdout)["comparison"]?["operations"]?.arrayValue ?? []
            #expect(entries.first { $0["name"] == "url" }?["verdict"] == "new")
        }
    }

    @Test func anInvalidBaselineIsALocatedInputError() throws {
        try withExample { config, directory in
            let saved = directory.appendingPathComponent("run.json").path
            try #"{"format": "bers-bench/1", "machine": []}"#.write(toFile: saved, atomically: true, encoding: .utf8)
            let result = try CLIRunner.run([
                "bench", "--config-dir", config, "--env", "staging", "--baseline", saved, "--json",
            ])
            #expect(result.status == 2)
            #expect(result.stderr.contains("run.json:1:39: /machine: expected an object, found array"))
            #expect(try JSONValue(parsing: result.stdout)["error"]?["code"] == "config.invalid-baseline")
        }
    }

    @Test func yamlIsTheRunJSONPrints() throws {
        try withExample { config, _ in
            let result = try CLIRunner.run([
                "bench", "--config-dir", config, "--env", "staging", "--iterations", "2", "--format", "yaml",
            ])
            #expect(result.status == 0, "\(result.stderr)")
            let run = try YAMLReader().parse(Array(result.stdout.utf8), file: "stdout").value
            #expect(run["format"] == "bers-bench/1")
            #expect(run["report"]?["operations"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == Self.operations)
        }
    }

    @Test func badOptionsAreUsageErrors() throws {
        #expect(try CLIRunner.run(["bench", "--config-dir", picasso, "--iterations", "0"]).status == 2)
        #expect(try CLIRunner.run(["bench", "--config-dir", picasso, "--threshold", "-1"]).status == 2)
        #expect(try CLIRunner.run(["bench", "--config-dir", picasso, "--json", "--format", "markdown"]).status == 2)
        #expect(try CLIRunner.run(["bench", "--config-dir", picasso, "--json", "--format", "yaml"]).status == 2)
    }

    /// Runs `body` with the config directory of a copy of `Examples/picasso` and a scratch folder.
    private func withExample(_ body: (String, URL) throws -> Void) throws {
        let workspace = try TemporaryDirectory(prefix: "bers-bench")
        defer { workspace.remove() }
        let copy = workspace.url.appendingPathComponent("picasso")
        try FileManager.default.copyItem(
            at: SharedFixtures.packageRoot.appendingPathComponent("Examples/picasso"),
            to: copy
        )
        try body(copy.appendingPathComponent("config").path, workspace.url)
    }

    /// `text` (a saved run) with every `median-ms` multiplied by `factor`.
    private static func scalingMedians(_ text: String, by factor: Double) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in
                guard let range = line.range(of: "\"median-ms\": "),
                    let value = Double(line[range.upperBound...].dropLast())
                else { return String(line) }
                return String(line[..<range.upperBound]) + "\(value * factor),"
            }
            .joined(separator: "\n")
    }
}
