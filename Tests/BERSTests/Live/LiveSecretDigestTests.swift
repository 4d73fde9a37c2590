@testable import BERS
import BERSJSON
import Foundation
import Testing

/// A generation's digest and its inputs' digests are shown (watch, `/v1/status`, `--exec`): none
/// may depend on a secret in a way that lets anyone test a guess of it.
struct LiveSecretDigestTests {
    /// A project whose `db.password` is read from `pw.txt` (mode 0600).
    private func project(password: String) throws -> LiveProject {
        let project = try LiveProject()
        try project.write(
            "default.json",
            #"{"api": {"timeout": 5000}, "db": {"password": {"$secret": "file:pw.txt"}}}"#
        )
        try writePassword(password, in: project)
        return project
    }

    private func writePassword(_ password: String, in project: LiveProject) throws {
        try project.write("pw.txt", password + "\n")
        #expect(chmod(project.path + "/pw.txt", 0o600) == 0)
    }

    @Test func theDigestCountsSecretsAsRedacted() throws {
        let project = try project(password: "CANARY-one")
        defer { project.remove() }
        let live = try LiveConfiguration(directory: project.path, environment: .production)
        let first = live.current
        #expect(try first.configuration.string("db.password") == "CANARY-one")
        #expect(first.digest == ConfigurationGeneration.digest(of: first.configuration.redactedValue()))
        #expect(first.digest != ConfigurationGeneration.digest(of: first.configuration.value))
    }

    @Test func aChangedSecretIsANewGenerationWithTheSameDigest() throws {
        let project = try project(password: "CANARY-one")
        defer { project.remove() }
        let live = try LiveConfiguration(directory: project.path, environment: .production)
        let first = live.current
        try writePassword("CANARY-two", in: project)
        guard case .applied(let applied) = live.reload() else {
            Issue.record("a new secret value is a change")
            return
        }
        #expect(applied.generation.number == 2)
        #expect(try applied.generation.configuration.string("db.password") == "CANARY-two")
        #expect(applied.generation.digest == first.digest)
    }

    @Test func aSecretFileIsAnInputWhoseDigestIsNeverShown() throws {
        let project = try project(password: "CANARY-one")
        defer { project.remove() }
        let live = try LiveConfiguration(directory: project.path, environment: .production)
        let inputs = live.current.inputs
        let secret = try #require(inputs.first { $0.path.hasSuffix("/pw.txt") })
        #expect(secret.isSecret)
        #expect(secret.shownDigest == "<redacted>")
        #expect(secret.digest.count == 64)
        let layer = try #require(inputs.first { $0.path.hasSuffix("/default.json") })
        #expect(!layer.isSecret)
        #expect(layer.shownDigest == layer.digest)
    }
}
