import BERSJSON
import BERSYAML

/// A layer file found in a config directory, not yet read.
public struct LayerFile: Sendable, Hashable {
    /// The layer it provides.
    public var source: LayerSource
    /// Its path (config directory + file name).
    public var path: String

    /// The file extensions BERS reads, in the order they are looked for.
    public static let extensions = ["json", "yaml", "yml"]

    /// The layer name a file provides (`production.local.json` → `production.local`), or `nil`
    /// when its extension is not one BERS reads.
    static func baseName(of fileName: String) -> Substring? {
        for fileExtension in extensions where fileName.utf8.count > fileExtension.utf8.count + 1 {
            if fileName.hasSuffix("." + fileExtension) { return fileName.dropLast(fileExtension.count + 1) }
        }
        return nil
    }

    /// Reads and parses the file.
    ///
    /// - Throws: ``ConfigError`` `config.unreadable`, `config.malformed-layer` (with the parse
    ///   error's `file:line:col`) or `config.layer-not-object`.
    func load(from fileSystem: any FileSystem) throws(ConfigError) -> Layer {
        let bytes = try fileSystem.contents(atPath: path)
        return try LayerFile.parse(bytes, path: path, source: source)
    }

    static func parse(_ bytes: [UInt8], path: String, source: LayerSource) throws(ConfigError) -> Layer {
        let document: JSONDocument
        do {
            document = try DocumentFile.parse(bytes, file: path)
        } catch {
            throw ConfigError.malformed(error)
        }
        switch document.value {
        case .object:
            return Layer(source: source, document: document)
        case .null:
            // An empty YAML file is an empty layer.
            return Layer(source: source, document: JSONDocument(value: .object([:]), file: path))
        default:
            throw ConfigError(
                .layerNotObject,
                "a configuration layer must be an object at the top level, found \(document.value.typeName)",
                location: document.location(ofNode: 0)
            )
        }
    }
}
