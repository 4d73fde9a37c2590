import BERSJSON
import BERSTestSupport
import Foundation
import Testing

/// `bers build` on the command line: exit statuses and what it prints.
@Suite(.enabled(if: ExternalTool.bers != nil, bersMissing))
struct BuildCommandTests {
    static func bers(_ arguments: [String]) throws -> ExternalTool.Result {
        try #require(ExternalTool.bers).run(arguments)
    }

    @Test func aSingleArtifactIsWrittenAndReported() throws {
        let out = try TemporaryDirectory(prefix: "bers-cli")
        defer { out.remove() }
        let result = try Self.bers([
            "build", "--config-dir", picassoDirectory, "--env", "staging", "--format", "js", "--out",
            "\(out.path)/environment.js",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("environment: staging (--env)\n"))
        #expect(result.stdout.contains("validation: valid against schemas/environment.schema.json"))
        #expect(result.stdout.contains("environment.js"))
        #expect(result.stdout.contains("time: "))
        #expect(FileManager.default.fileExists(atPath: "\(out.path)/environment.js"))
    }

    @Test func theJSONReportAndStandardOutput() throws {
        let printed = try Self.bers([
            "build", "--config-dir", picassoDirectory, "--env", "production", "--format", "esbuild-define", "--out",
            "-",
        ])
        #expect(printed.status == 0)
        #expect(printed.stdout.hasPrefix("{\n  \"__ENVIRONMENT__\": \"\\\"production\\\"\""))
        let out = try TemporaryDirectory(prefix: "bers-cli")
        defer { out.remove() }
        let json = try Self.bers(["build", "--config-dir", picassoDirectory, "--all", "--out", out.path, "--json"])
        #expect(json.status == 0, "\(json.stderr)")
        #expect(json.stdout.contains("\"milliseconds\""))
        let check = try Self.bers(["build", "--config-dir", picassoDirectory, "--check", out.path])
        #expect(check.status == 0)
        #expect(check.stdout == "up to date: 18 artifacts match their inputs\n")
    }

    @Test func detectionDecidesWithoutEnv() throws {
        let out = try TemporaryDirectory(prefix: "bers-cli")
        defer { out.remove() }
        let result = try #require(ExternalTool.bers)
            .run(
                [
                    "build", "--config-dir", picassoDirectory, "--format", "json", "--out", "\(out.path)/c.json",
                    "--hostname", "eu.staging.myrecruiter.ai",
                ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("environment: staging (detected by hostname-pattern"))
        let metadata = try #require(ExternalTool.bers)
            .run([
                "build", "--config-dir", picassoDirectory, "--format", "metadata", "--out", "-",
                "--hostname", "eu.staging.myrecruiter.ai",
            ])
        #expect(metadata.stdout.contains("\"detection\": \"hostname-pattern\""))
    }

    @Test func unknownFormatIsAUsageError() throws {
        let result = try Self.bers([
            "build", "--config-dir", picassoDirectory, "--env", "staging", "--format", "yaml", "--out", "-",
        ])
        #expect(result.status == 2)
        #expect(
            result.stderr
                == "error: unknown format \"yaml\" (formats: json, metadata, swift, js, esbuild-define, dotenv)\n"
        )
    }

    @Test func anInvalidConfigurationExitsOneAndWritesNothing() throws {
        let out = try TemporaryDirectory(prefix: "bers-cli")
        defer { out.remove() }
        let result = try Self.bers([
            "build", "--config-dir", picassoDirectory, "--all", "--out", out.path, "--set", "api.retries=99",
        ])
        #expect(result.status == 1)
        #expect(result.stderr.contains("nothing was written"))
        // Each line names its environment.
        for environment in ["development", "staging", "production"] {
            #expect(
                result.stderr.contains(
                    "\n\(environment): /api/retries: 99 is greater than the maximum of 10 (set by --set api.retries)\n"
                )
            )
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty)
    }

    @Test func builtJSONArtifactsSatisfyTheProjectSchema() throws {
        let out = try TemporaryDirectory(prefix: "bers-cli")
        defer { out.remove() }
        #expect(try Self.bers(["build", "--config-dir", picassoDirectory, "--all", "--out", out.path]).status == 0)
        let schema = "\(picassoDirectory)/schemas/environment.schema.json"
        let files = ["development", "staging", "production"].map { "\(out.path)/\($0)/config.json" }
        let validation = try Self.bers(["validate", "--schema", schema, "--format-assertion"] + files)
        #expect(validation.status == 0, "\(validation.stdout)")
        let metadata = try JSONValue(
            parsing: String(contentsOfFile: "\(out.path)/staging/config.meta.json", encoding: .utf8)
        )
        #expect(metadata["environment"] == "staging")
    }

    @Test func checkReadsTheConfigDirectoryTheManifestRecords() throws {
        let out = try TemporaryDirectory(prefix: "bers-cli")
        defer { out.remove() }
        #expect(try Self.bers(["build", "--config-dir", picassoDirectory, "--all", "--out", out.path]).status == 0)
        let manifest = try JSONValue(parsing: String(contentsOfFile: "\(out.path)/bers-manifest.json", encoding: .utf8))
        #expect(manifest["configDirectory"]?.stringValue?.hasSuffix("Examples/picasso/config") == true)
        #expect(manifest["configDirectory"]?.stringValue?.hasPrefix("../") == true)
        // From another working directory, without --config-dir.
        let check = try #require(ExternalTool.bers).run(["build", "--check", out.path], in: URL(fileURLWithPath: "/"))
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout == "up to date: 18 artifacts match their inputs\n")
    }

    @Test func checkAgainstAnotherConfigDirectorySaysWhichOneBuiltTheFolder() throws {
        let out = try TemporaryDirectory(prefix: "bers-cli")
        defer { out.remove() }
        let other = try TemporaryDirectory(prefix: "bers-config")
        defer { other.remove() }
        try other.write("default.json", #"{"api": {"timeout": 1000}}"#)
        #expect(try Self.bers(["build", "--config-dir", picassoDirectory, "--all", "--out", out.path]).status == 0)
        let check = try Self.bers(["build", "--check", out.path, "--config-dir", other.path])
        #expect(check.status == 1)
        let recorded = URL(fileURLWithPath: picassoDirectory).standardized.path
        #expect(
            check.stdout.contains(
                "note: the folder was built from \(recorded), not \(other.path); pass --config-dir \(recorded)\n"
            ),
            "\(check.stdout)"
        )
    }

    @Test func provenanceGoesToTheMetadataArtifact() throws {
        let refused = try Self.bers([
            "build", "--config-dir", picassoDirectory, "--env", "staging", "--format", "json", "--out", "-",
            "--provenance",
        ])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("use --format metadata"))
        let metadata = try Self.bers([
            "build", "--config-dir", picassoDirectory, "--env", "staging", "--format", "metadata", "--out", "-",
            "--provenance",
        ])
        #expect(try JSONValue(parsing: metadata.stdout)["provenance"]?["/api/timeout"]?["line"] == 6)
    }

    @Test func anUnwritablePathIsAnInputError() throws {
        let out = try TemporaryDirectory(prefix: "bers-cli")
        defer { out.remove() }
        try out.write("file", "x")
        let result = try Self.bers([
            "build", "--config-dir", picassoDirectory, "--env", "staging", "--format", "json", "--out",
            "\(out.path)/file/c.json",
        ])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("error: cannot write \(out.path)/file/c.json"))
    }

    @Test func driftExitsOne() throws {
        let out = try TemporaryDirectory(prefix: "bers-cli")
        defer { out.remove() }
        #expect(
            try Self.bers(["build", "--config-dir", picassoDirectory, "--all", "--out", out.path, "--quiet"]).stdout
                .isEmpty
        )
        try out.write("production/define.json", "{}")
        let check = try Self.bers(["build", "--config-dir", picassoDirectory, "--check", out.path])
        #expect(check.status == 1)
        #expect(check.stdout.hasPrefix("changed: \(out.path)/production/define.json (production, esbuild-define)\n"))
    }

    @Test func conflictingModesAreUsageErrors() throws {
        #expect(try Self.bers(["build", "--config-dir", picassoDirectory, "--all"]).status == 2)
        #expect(
            try Self.bers(["build", "--config-dir", picassoDirectory, "--all", "--out", "x", "--env", "staging"]).status
                == 2
        )
        #expect(
            try Self
                .bers([
                    "build", "--config-dir", picassoDirectory, "--format", "js", "--out", "x", "--debug-env",
                    "development",
                ])
                .status == 2
        )
    }
}
