import BERSJSON

extension ResolvedConfiguration {
    /// Decodes the value at `path` (the whole configuration by default) into `type`.
    ///
    /// ```swift
    /// struct API: Decodable { var baseUrl: String; var timeout: Int; var retries: Int }
    /// let api = try config.decode(API.self, at: "api")
    /// ```
    /// - Throws: ``ConfigError`` `config.missing-value` when nothing is at `path`, or
    ///   `config.decoding-failed` naming the full path of the offending value, what was expected,
    ///   and the layer and `file:line:col` that set it.
    public func decode<T: Decodable>(_ type: T.Type, at path: String = "") throws(ConfigError) -> T {
        let node = try requireNode(path)
        do {
            return try JSONValueDecoder().decode(type, from: node == 0 ? storage.value : storage.value(ofNode: node))
        } catch let error as DecodingError {
            throw decodingFailure(error, base: pointer(ofNode: node), type: T.self)
        } catch {
            throw ConfigError(.decodingFailed, "cannot decode \(T.self) at \(path): \(error)")
        }
    }

    private func decodingFailure<T>(_ error: DecodingError, base: JSONPointer, type: T.Type) -> ConfigError {
        let (codingPath, detail): ([any CodingKey], String) =
            switch error {
            case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
                (context.codingPath, context.debugDescription)
            case .keyNotFound(let key, let context):
                (context.codingPath + [key], "required key is missing")
            @unknown default:
                ([], "\(error)")
            }
        let pointer = base.appending(JSONPointer(tokens: codingPath.map(\.stringValue)))
        var message =
            "cannot decode \(T.self): \(pointer.dottedPath.isEmpty ? "(root)" : pointer.dottedPath): \(detail)"
        var location: SourceLocation?
        if let node = node(at: pointer) {
            let source = source(of: storage.nodes[node].origin, value: storage.value(ofNode: node))
            message += " (set by \(source))"
            location = source.location
        } else {
            location = self.location(of: pointer)
        }
        return ConfigError(.decodingFailed, message, location: location)
    }
}
