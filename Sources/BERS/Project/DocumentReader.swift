import BERSJSON

/// Typed, located reads from `bers.json`; failures are ``ConfigError`` `config.invalid-project-file`.
typealias DocumentReader = JSONSettingsReader<ConfigError>

extension JSONSettingsReader where Failure == ConfigError {
    /// A reader of `document` failing with `code`.
    init(_ document: JSONDocument, code: ConfigError.Code = .invalidProjectFile) {
        self.init(document) { message, location in ConfigError(code, message, location: location) }
    }
}
