import BERS
import BERSArtifacts
import BERSJSON
import BERSTestSupport
import Foundation

/// Builders and inputs for the tests.
enum Fixtures {
    /// A builder for the Picasso example.
    static func picassoBuilder(options: BuildOptions = BuildOptions(bersVersion: "test")) throws -> ArtifactBuilder {
        try ArtifactBuilder(project: ConfigProject(directory: picassoDirectory), options: options)
    }

    /// The rendered artifact of `format` for the Picasso example's `environment`, as text.
    static func picasso(_ format: ArtifactFormat, _ environment: Environment) async throws -> String {
        let builder = try picassoBuilder()
        let input = try await builder.prepare(environment, reason: .explicit)
        return String(decoding: try builder.render(format, input), as: UTF8.self)
    }

    /// A project in a temporary directory with these files (`bers.json`, `default.json`, …).
    static func project(_ files: [String: String]) throws -> (TemporaryDirectory, ConfigProject) {
        let directory = try TemporaryDirectory(prefix: "bers-artifacts")
        for (name, text) in files { try directory.write(name, text) }
        return (directory, try ConfigProject(directory: directory.path))
    }

    /// A builder for a temporary project.
    static func builder(_ files: [String: String], options: BuildOptions = BuildOptions(bersVersion: "test")) throws
        -> (TemporaryDirectory, ArtifactBuilder)
    {
        let (directory, project) = try project(files)
        return (directory, try ArtifactBuilder(project: project, options: options))
    }

    /// The artifact of `format` for `environment` of a temporary project.
    static func render(_ format: ArtifactFormat, _ files: [String: String], environment: Environment = .production)
        async throws -> String
    {
        let (directory, builder) = try builder(files)
        defer { directory.remove() }
        let input = try await builder.prepare(environment, reason: .explicit)
        return String(decoding: try builder.render(format, input), as: UTF8.self)
    }

    /// Writes `text` to a new temporary file called `name` and returns the directory.
    static func file(_ name: String, _ text: String) throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory(prefix: "bers-artifacts-out")
        try directory.write(name, text)
        return directory
    }
}
