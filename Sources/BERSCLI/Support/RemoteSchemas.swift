import BERS
import BERSJSON
import BERSSchema

/// Registers a folder of schemas under a base URI, for `$ref` to remote documents without a network.
enum RemoteSchemas {
    /// Every `.json` file under `directory`, registered at `base` + its relative path.
    static func registry(directory: String, base: String) throws(ConfigError) -> SchemaRegistry {
        var registry = SchemaRegistry()
        let fileSystem = LocalFileSystem()
        let prefix = base.hasSuffix("/") ? base : base + "/"
        func walk(_ relative: String) throws(ConfigError) {
            let folder = relative.isEmpty ? directory : joinPath(directory, relative)
            for name in try fileSystem.contentsOfDirectory(atPath: folder) {
                let child = relative.isEmpty ? name : relative + "/" + name
                let path = joinPath(directory, child)
                if fileSystem.directoryExists(atPath: path) {
                    try walk(child)
                } else if name.hasSuffix(".json") {
                    let bytes = try fileSystem.contents(atPath: path)
                    if let document = try? JSONParser(options: .init(recordPositions: false)).parse(bytes, file: path) {
                        registry.register(document.value, at: prefix + child)
                    }
                }
            }
        }
        try walk("")
        return registry
    }
}
