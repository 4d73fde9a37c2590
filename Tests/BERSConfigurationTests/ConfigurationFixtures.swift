import BERS
import BERSConfiguration
import BERSJSON
import BERSTestSupport
import Configuration
import Foundation

/// Config directories for the provider tests, in memory or on disk.
enum ConfigurationFixtures {
    /// The values `ProviderCompatTest` expects, as a BERS `default.json` (bytes in base64:
    /// `bWFnaWM=` is "magic", `bWFnaWMy` is "magic2").
    static let compatDefault = """
        {
            "string": "Hello", "int": 42, "double": 3.14, "bool": true, "bytes": "bWFnaWM=",
            "other": {
                "string": "Other Hello", "int": 24, "double": 2.72, "bool": false, "bytes": "bWFnaWMy",
                "stringy": {"array": ["Hello", "Swift"]},
                "inty": {"array": [16, 32]},
                "doubly": {"array": [0.9, 1.8]},
                "booly": {"array": [false, true, true]},
                "byteChunky": {"array": ["bWFnaWM=", "bWFnaWMy", "bWFnaWM="]}
            },
            "stringy": {"array": ["Hello", "World"]},
            "inty": {"array": [42, 24]},
            "doubly": {"array": [3.14, 2.72]},
            "booly": {"array": [true, false]},
            "byteChunky": {"array": ["bWFnaWM=", "bWFnaWMy"]}
        }
        """

    /// Every JSON type, nested, with the shapes that do not convert.
    static let typesDefault = """
        {
          "api": {"timeout": 1000, "ratio": 0.25, "whole": 3.0, "enabled": true, "name": "picasso", "retries": 2},
          "lists": {
            "names": ["a", "b"], "ports": [80, 443], "weights": [0.5, 1], "flags": [true, false],
            "empty": [], "mixed": [1, "two"], "objects": [{"id": 7}], "numbers": [1, 0.5]
          },
          "blobs": {"one": "bWFnaWM=", "chunks": ["bWFnaWM=", "bWFnaWMy"], "bad": "not base64!"},
          "nothing": null,
          "dotted": {"a.b": "escaped"},
          "db": {
            "host": "db.internal",
            "password": "s3cr3t-password",
            "pin": 1234,
            "token": {"$secret": "env:BERS_CONFIGURATION_TEST_TOKEN"},
            "sealed": {"$secret": "env:BERS_CONFIGURATION_TEST_UNSET_SECRET"}
          }
        }
        """

    /// `production.json` over ``typesDefault``: one value overridden.
    static let typesProduction = #"{"api": {"timeout": 6000}}"#

    /// A schema marking `db.password` and `db.pin` secret.
    static let schema = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "type": "object",
          "properties": {
            "db": {
              "type": "object",
              "properties": {
                "password": {"type": "string", "x-bers-secret": true},
                "pin": {"type": "integer", "x-bers-secret": true}
              }
            },
            "api": {"type": "object", "properties": {"timeout": {"type": "integer", "minimum": 100}}}
          }
        }
        """

    /// The clear value of `db.token`, given to the resolution as a variable.
    static let token = "tok-0123456789"

    /// The variables the types project is resolved with.
    static let variables = ["BERS_CONFIGURATION_TEST_TOKEN": token]

    /// The types project in memory: `bers.json` naming the schema, `default.json`, `production.json`.
    static func typesFiles() -> InMemoryFileSystem {
        InMemoryFileSystem([
            "config/bers.json": #"{"schema": "schema.json"}"#,
            "config/schema.json": schema,
            "config/default.json": typesDefault,
            "config/production.json": typesProduction,
        ])
    }

    /// The types project resolved and validated for production.
    static func typesConfiguration() throws -> ResolvedConfiguration {
        let project = try ConfigProject(directory: "config", fileSystem: typesFiles())
        return try project.resolveValidated(.production, options: ResolveOptions(environmentVariables: variables))
    }

    /// A provider over ``typesConfiguration()``.
    static func typesProvider() throws -> BERSConfigProvider {
        BERSConfigProvider(configuration: try typesConfiguration())
    }

    /// The compat project in memory (`default.json` only).
    static func compatFiles() -> InMemoryFileSystem {
        InMemoryFileSystem(["config/default.json": compatDefault])
    }

    /// The example project of the repository.
    static let picasso = SharedFixtures.packageRoot.appendingPathComponent("Examples/picasso/config").path

    /// Writes `text` to `file` atomically (a rename), so a watcher never sees half a file.
    static func write(_ text: String, to file: URL) throws {
        try Data(text.utf8).write(to: file, options: .atomic)
    }
}
