import BERS
import BERSArtifacts
import BERSJSON
import BERSTestSupport
import Foundation
import Testing

/// `run` writes every artifact or none; `check` finds drift.
struct BuildRunTests {
    static func allJobs(_ builder: ArtifactBuilder, into directory: String) throws -> [BuildJob] {
        try BuildJob.all(settings: builder.settings, catalog: builder.project.catalog, directory: directory)
    }

    @Test func allWritesEveryEnvironmentAndFormatAndAManifest() async throws {
        let out = try TemporaryDirectory(prefix: "bers-dist")
        defer { out.remove() }
        let builder = try Fixtures.picassoBuilder()
        let report = try await builder.run(try Self.allJobs(builder, into: out.path), manifestDirectory: out.path)
        #expect(report.entries.map(\.environment) == ["development", "staging", "production"])
        #expect(report.entries.allSatisfy { $0.outputs.count == 6 })
        for environment in ["development", "staging", "production"] {
            for name in ["config.json", "PicassoConfig.swift", "environment.js", "define.json", "picasso.env"] {
                #expect(
                    FileManager.default.fileExists(atPath: "\(out.path)/\(environment)/\(name)"),
                    "\(environment)/\(name)"
                )
            }
        }
        let manifest = try BuildManifest(
            document: JSONParser()
                .parse(
                    Array(try Data(contentsOf: out.url.appendingPathComponent("bers-manifest.json"))),
                    file: "manifest"
                )
        )
        #expect(manifest.entries.count == 3)
        #expect(
            manifest.entries[0].outputs.map(\.path) == [
                "development/config.json", "development/config.meta.json", "development/PicassoConfig.swift",
                "development/environment.js",
                "development/define.json", "development/picasso.env",
            ]
        )
        let output = try #require(report.entries.first?.outputs.first)
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: output.path)))
        #expect(output.bytes == bytes.count)
        #expect(output.sha256 == BERSDigest.sha256Hex(bytes))
        #expect(report.text.contains("validation: valid against schemas/environment.schema.json"))
        #expect(report.jsonValue["environments"]?[0]?["outputs"]?.arrayValue?.count == 6)
        let recorded = try #require(
            manifest.recordedConfigDirectory(manifestDirectory: out.path, fileSystem: LocalFileSystem())
        )
        #expect(recorded == URL(fileURLWithPath: picassoDirectory).standardized.path)
    }

    @Test func buildsAreReproducibleByteForByte() async throws {
        let first = try TemporaryDirectory(prefix: "bers-dist")
        let second = try TemporaryDirectory(prefix: "bers-dist")
        defer {
            first.remove()
            second.remove()
        }
        let builder = try Fixtures.picassoBuilder()
        _ = try await builder.run(try Self.allJobs(builder, into: first.path), manifestDirectory: first.path)
        _ = try await builder.run(try Self.allJobs(builder, into: second.path), manifestDirectory: second.path)
        let names = try FileManager.default.subpathsOfDirectory(atPath: first.path).sorted()
        #expect(names.count == 22)
        for name in names
        where !name.hasSuffix("development") && !name.hasSuffix("staging") && !name.hasSuffix("production") {
            let a = try Data(contentsOf: first.url.appendingPathComponent(name))
            let b = try Data(contentsOf: second.url.appendingPathComponent(name))
            #expect(a == b, "\(name) differs")
        }
    }

    @Test func anInvalidConfigurationWritesNothing() async throws {
        let out = try TemporaryDirectory(prefix: "bers-dist")
        defer { out.remove() }
        let builder = try Fixtures.picassoBuilder(
            options: BuildOptions(assignments: ["api.timeout=5"], bersVersion: "test")
        )
        let error = await #expect(throws: BuildError.self) {
            _ = try await builder.run(try Self.allJobs(builder, into: out.path), manifestDirectory: out.path)
        }
        #expect(error?.code == .invalidConfiguration)
        #expect(error?.message.contains("nothing was written") == true)
        // With several environments, each detail starts with the one it is about, in build order.
        let details = error?.details ?? []
        #expect(details.count == 3)
        for (detail, environment) in zip(details, ["development", "staging", "production"]) {
            #expect(detail.hasPrefix("\(environment): /api/timeout: 5 is less than the minimum of 1000"), "\(detail)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty)
    }

    @Test func anUnwritableOutputPathFailsAndWritesNothing() async throws {
        let out = try TemporaryDirectory(prefix: "bers-dist")
        defer { out.remove() }
        try out.write("blocker", "a file where a folder should be")
        let builder = try Fixtures.picassoBuilder()
        let job = BuildJob(
            environment: .production,
            reason: .explicit,
            format: .json,
            path: "\(out.path)/blocker/config.json"
        )
        let error = await #expect(throws: BuildError.self) { _ = try await builder.run([job]) }
        #expect(error?.code == .writeFailed)
        #expect(error?.message.contains("blocker/config.json") == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["blocker"])
    }

    @Test func filesAlreadyHoldingTheBytesAreLeftAlone() async throws {
        let out = try TemporaryDirectory(prefix: "bers-dist")
        defer { out.remove() }
        let builder = try Fixtures.picassoBuilder()
        let first = try await builder.run(try Self.allJobs(builder, into: out.path))
        #expect(first.entries.flatMap(\.outputs).allSatisfy { !$0.unchanged })
        let path = "\(out.path)/staging/environment.js"
        let past = Date(timeIntervalSince1970: 946_684_800)
        try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: path)
        let second = try await builder.run(try Self.allJobs(builder, into: out.path))
        #expect(second.entries.flatMap(\.outputs).allSatisfy { $0.unchanged })
        #expect(second.text.contains("(unchanged)"))
        let modified = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
        #expect(modified == past)
    }

    @Test func missingFoldersAreCreated() async throws {
        let out = try TemporaryDirectory(prefix: "bers-dist")
        defer { out.remove() }
        let job = BuildJob(
            environment: .production,
            reason: .explicit,
            format: .dotenv,
            path: "\(out.path)/a/b/app.env"
        )
        _ = try await Fixtures.picassoBuilder().run([job])
        #expect(FileManager.default.fileExists(atPath: "\(out.path)/a/b/app.env"))
    }

    @Test func checkFindsEditedMissingAndStaleArtifacts() async throws {
        let config = try TemporaryDirectory(prefix: "bers-config")
        let out = try TemporaryDirectory(prefix: "bers-dist")
        defer {
            config.remove()
            out.remove()
        }
        try config.write("default.json", #"{"api": {"timeout": 1000}, "endpoints": {"x": "https://a.example/{id}"}}"#)
        try config.write("production.json", #"{"api": {"timeout": 2000}}"#)
        try config.write(
            "bers.json",
            #"{"build": {"environments": ["staging", "production"], "formats": ["json", "js"]}}"#
        )
        let builder = try ArtifactBuilder(
            project: ConfigProject(directory: config.path),
            options: BuildOptions(bersVersion: "test")
        )
        _ = try await builder.run(try Self.allJobs(builder, into: out.path), manifestDirectory: out.path)
        #expect(try await builder.check(directory: out.path).isUpToDate)

        try out.write("staging/config.js", "// edited\n")
        try FileManager.default.removeItem(atPath: "\(out.path)/staging/config.json")
        try config.write("production.json", #"{"api": {"timeout": 3000}}"#)
        let fresh = try ArtifactBuilder(
            project: ConfigProject(directory: config.path),
            options: BuildOptions(bersVersion: "test")
        )
        let drift = try await fresh.check(directory: out.path)
        #expect(!drift.isUpToDate)
        #expect(drift.artifacts.map(\.status) == [.missing, .changed, .changed, .changed])
        #expect(drift.inputChanges == ["production: production.json changed"])
        #expect(drift.text.contains("drift: 4 of 4 artifacts"))
    }

    @Test func checkWithoutAManifestIsAnError() async throws {
        let out = try TemporaryDirectory(prefix: "bers-dist")
        defer { out.remove() }
        let error = await #expect(throws: BuildError.self) {
            _ = try await Fixtures.picassoBuilder().check(directory: out.path)
        }
        #expect(error?.code == .invalidManifest)
        #expect(
            error?.message
                == "\(out.path)/bers-manifest.json does not exist; build the folder with bers build --all --out \(out.path)"
        )
    }

    @Test func aManifestWithoutAConfigDirectoryStillReads() throws {
        let document = try JSONParser()
            .parse(#"{"bersVersion": "0.1.0", "options": {}, "environments": []}"#, file: "m")
        let manifest = try BuildManifest(document: document)
        #expect(manifest.configDirectory == nil)
        #expect(manifest.recordedConfigDirectory(manifestDirectory: "dist", fileSystem: InMemoryFileSystem()) == nil)
        let recorded = BuildManifest(
            bersVersion: "x",
            assignments: [],
            includeLocalLayers: false,
            provenance: false,
            buildTime: nil,
            tenant: nil,
            configDirectory: "../config",
            entries: []
        )
        #expect(
            recorded.recordedConfigDirectory(manifestDirectory: "out/dist", fileSystem: InMemoryFileSystem())
                == "out/config"
        )
        let reread = try BuildManifest(document: JSONDocument(value: recorded.jsonValue, file: "m"))
        #expect(reread.configDirectory == "../config")
    }

    @Test(arguments: ["../x.json", "/tmp/x.json", "a/../../x.json", "../\u{301}x.json", "/\u{301}x.json"])
    func aManifestOutputOutsideTheFolderIsRefused(path: String) throws {
        let output: JSONValue = ["format": "json", "path": .string(path), "sha256": "0"]
        let environment: JSONValue = [
            "environment": "production", "detection": "flag", "inputsHash": "0", "outputs": [output],
        ]
        let value: JSONValue = ["bersVersion": "0.1.0", "options": [:], "environments": [environment]]
        let error = #expect(throws: BuildError.self) {
            try BuildManifest(document: JSONDocument(value: value, file: "m"))
        }
        #expect(error?.code == .invalidManifest)
        #expect(error?.message.contains("leaves the folder") == true, "\(error?.message ?? "")")
    }

    @Test func driftAgainstAnotherDirectoryNamesTheRecordedOne() {
        let artifact = DriftReport.Artifact(
            environment: "staging",
            format: .json,
            path: "dist/staging/config.json",
            status: .changed
        )
        let report = DriftReport(
            artifacts: [artifact],
            inputChanges: [],
            recordedConfigDirectory: "config",
            checkedConfigDirectory: "."
        )
        #expect(report.text.contains("note: the folder was built from config, not .; pass --config-dir config\n"))
        #expect(report.jsonValue["recordedConfigDirectory"] == "config")
        let fresh = DriftReport(
            artifacts: [.init(environment: "staging", format: .json, path: "p", status: .upToDate)],
            inputChanges: [],
            recordedConfigDirectory: "config",
            checkedConfigDirectory: "."
        )
        #expect(!fresh.text.contains("note:"))
    }
}
