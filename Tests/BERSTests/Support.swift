import BERS
import BERSJSON

/// A project in memory: `files` maps names inside the config directory to their text.
func makeProject(_ files: [String: String]) throws(ConfigError) -> ConfigProject {
    var all: [String: String] = [:]
    for (name, text) in files { all["config/\(name)"] = text }
    if all.isEmpty { all["config/.keep"] = "" }
    return try ConfigProject(directory: "config", fileSystem: InMemoryFileSystem(all))
}

/// Parses JSON text in tests.
func json(_ text: String) -> JSONValue {
    (try? JSONValue(parsing: text)) ?? .string("<invalid test JSON>")
}
