import BERSTestSupport
import Foundation
import Testing

@Suite(.enabled(if: CLIRunner.isAvailable, "the bers executable was not built"))
struct FormatCommandTests {
    @Test func formatsInPlaceAndThenChecksClean() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try directory.write("a.json", #"{"b":[1,2.50,{"c":null}],"a":"é"}"#)
        let first = try CLIRunner.run(["fmt", file.path])
        #expect(first.status == 0)
        #expect(
            try String(contentsOf: file, encoding: .utf8) == """
                {
                  "b": [
                    1,
                    2.5,
                    {
                      "c": null
                    }
                  ],
                  "a": "é"
                }

                """
        )
        let check = try CLIRunner.run(["fmt", "--check", file.path])
        #expect(check.status == 0)
    }

    @Test func checkReportsUnformattedFilesAndWritesNothing() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try directory.write("a.json", #"{"a":1}"#)
        let result = try CLIRunner.run(["fmt", "--check", file.path])
        #expect(result.status == 1)
        #expect(result.stderr == "\(file.path): not formatted\n")
        #expect(try String(contentsOf: file, encoding: .utf8) == #"{"a":1}"#)
    }

    @Test func canonicalSortsKeysAndShortensNumbers() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try directory.write("a.json", #"{"b": 1.0, "a": [1e2, "x"]}"#)
        let result = try CLIRunner.run(["fmt", "--canonical", "--stdout", file.path])
        #expect(result.stdout == "{\"a\":[100,\"x\"],\"b\":1}\n")
    }

    @Test func aFileThatDoesNotParseStopsEverythingWithItsLocation() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let good = try directory.write("good.json", #"{"a":1}"#)
        let bad = try directory.write("bad.json", "{\n  \"a\": 1\n  \"b\": 2\n}")
        let result = try CLIRunner.run(["fmt", good.path, bad.path])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("error: \(bad.path):3:3: "))
        #expect(try String(contentsOf: good, encoding: .utf8) == #"{"a":1}"#)
    }

    @Test func missingFileExitsTwo() throws {
        let result = try CLIRunner.run(["fmt", "/nonexistent/x.json"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("cannot read /nonexistent/x.json"))
    }
}
