import BERSJSON
import Configuration

/// Why a BERS provider could not give the value asked for: a stable code, a one-sentence message,
/// and where the value was set.
///
/// Thrown from `value(forKey:type:)` like swift-configuration's own providers throw a type
/// mismatch: a `ConfigReader` returns the default (and reports the error to its access reporter)
/// from its non-throwing methods, and throws it from `required…` and `fetch…` ones. The message
/// never contains a secret value.
public struct BERSProviderError: BERSError {
    /// A stable identifier of the kind of error, such as `configuration.not-convertible`.
    public struct Code: BERSErrorCode {
        private enum Kind: String, Sendable {
            case notConvertible = "configuration.not-convertible"
            case sealedSecret = "configuration.sealed-secret"
        }

        private let kind: Kind
        private init(_ kind: Kind) { self.kind = kind }

        /// The stable text of the code.
        public var rawValue: String { kind.rawValue }

        /// The value at the key is not of the type asked for (an object, a string read as an
        /// integer, an array with an element of another type, text that is not base64 for bytes).
        public static let notConvertible = Code(.notConvertible)
        /// The value is a secret with no clear value here: an encrypted value without its key, or
        /// a `$secret` reference to nothing.
        public static let sealedSecret = Code(.sealedSecret)
    }

    /// What kind of error this is.
    public var code: Code
    /// One sentence naming the key, the type asked for and what was found.
    public var message: String
    /// The `file:line:col` of the value, when it came from a file.
    public var location: SourceLocation?
    /// The type that was asked for.
    public var requestedType: ConfigType

    /// An error with this code and message.
    ///
    /// - Parameters:
    ///   - code: The kind of error.
    ///   - message: One sentence naming the key and what was found.
    ///   - requestedType: The type that was asked for.
    ///   - location: The `file:line:col` of the value.
    public init(_ code: Code, _ message: String, requestedType: ConfigType, location: SourceLocation? = nil) {
        self.code = code
        self.message = message
        self.requestedType = requestedType
        self.location = location
    }
}
