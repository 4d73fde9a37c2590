/// The kinds of artifact `bers build` writes.
///
/// ```swift
/// let format = try ArtifactFormat(name: "esbuild-define")   // .esbuildDefine
/// format.defaultFileName                                     // "define.json"
/// ```
public enum ArtifactFormat: String, Sendable, Hashable, CaseIterable {
    /// Exactly the resolved configuration, pretty-printed JSON.
    case json
    /// What the configuration was built from (environment, detection, inputs and their hashes,
    /// version; provenance with `--provenance`): the sidecar of `json`.
    case metadata
    /// A Swift source file: a nested, typed, `Sendable` constant tree.
    case swift
    /// An ES module exposing the surface declared in `bers.json` (`build.js`).
    case js
    /// A JSON object of esbuild `define` constants, each value JSON-encoded.
    case esbuildDefine = "esbuild-define"
    /// `KEY=value` lines.
    case dotenv

    /// The format called `name`.
    ///
    /// - Throws: ``BuildError`` `build.unknown-format`, with a did-you-mean and the list of formats.
    public init(name: String) throws(BuildError) {
        guard let format = ArtifactFormat(rawValue: name) else {
            var message = "unknown format \"\(name)\""
            if let suggestion = Self.closest(to: name) { message += "; did you mean \"\(suggestion)\"?" }
            message += " (formats: \(Self.allCases.map(\.rawValue).joined(separator: ", ")))"
            throw BuildError(.unknownFormat, message)
        }
        self = format
    }

    /// The file name an artifact gets in `bers build --all` unless `build.files` names another.
    public var defaultFileName: String {
        switch self {
        case .json: "config.json"
        case .metadata: "config.meta.json"
        case .swift: "Config.swift"
        case .js: "config.js"
        case .esbuildDefine: "define.json"
        case .dotenv: "config.env"
        }
    }

    private static func closest(to name: String) -> String? {
        let lowered = name.lowercased()
        return allCases.map(\.rawValue)
            .first { candidate in
                candidate.hasPrefix(lowered) || lowered.hasPrefix(candidate)
                    || (lowered.count > 2 && candidate.contains(lowered))
                    || (candidate == "esbuild-define" && lowered.contains("define"))
                    || (candidate == "dotenv" && lowered.hasSuffix("env"))
                    || (candidate == "js" && ["javascript", "mjs", "esm"].contains(lowered))
                    || (candidate == "json" && lowered == "jsonc")
                    || (candidate == "metadata" && ["meta", "manifest", "provenance"].contains(lowered))
            }
    }
}
