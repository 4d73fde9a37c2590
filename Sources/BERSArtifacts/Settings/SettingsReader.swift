import BERSJSON

/// Typed, located reads from the `build` section of `bers.json`; failures are ``BuildError``
/// `build.invalid-settings` (or the code given) naming the JSON pointer and `file:line:col`.
typealias SettingsReader = JSONSettingsReader<BuildError>

extension JSONSettingsReader where Failure == BuildError {
    /// A reader of `document`.
    init(document: JSONDocument) {
        self.init(document) { message, location in BuildError(.invalidSettings, message, location: location) }
    }

    /// The location of the value at `pointer`, or of its nearest existing ancestor.
    func location(of pointer: JSONPointer) -> SourceLocation? { document.nearestLocation(of: pointer) }

    /// A failure with another code than `build.invalid-settings`.
    func fail(_ pointer: JSONPointer, _ message: String, code: BuildError.Code) -> BuildError {
        BuildError(code, "\(pointer): \(message)", location: document.nearestLocation(of: pointer))
    }

    /// A failure about a member's key with another code than `build.invalid-settings`.
    func failAtKey(_ pointer: JSONPointer, _ message: String, code: BuildError.Code) -> BuildError {
        BuildError(
            code,
            "\(pointer): \(message)",
            location: document.keyLocation(of: pointer) ?? document.nearestLocation(of: pointer)
        )
    }
}
