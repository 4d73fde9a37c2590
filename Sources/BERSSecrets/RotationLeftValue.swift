import BERS
import BERSJSON

/// An encrypted value a rotation leaves as it is, and why: it belongs to another environment of
/// a shared layer (``RotationScope/shared(environment:others:)``).
public struct RotationLeftValue: Sendable, Hashable {
    /// Why a value is left.
    public enum Reason: Sendable, Hashable {
        /// It opens for this other context.
        case otherContext(SecretContext)
        /// Its key is not loaded (another environment's key).
        case keyNotLoaded
    }

    /// The id of the key that sealed it.
    public var keyID: String
    /// Where it is.
    public var location: SourceLocation
    /// Why it is left.
    public var reason: Reason

    /// A left value with these fields.
    public init(keyID: String, location: SourceLocation, reason: Reason) {
        self.keyID = keyID
        self.location = location
        self.reason = reason
    }
}

extension RotationLeftValue: CustomStringConvertible {
    /// `default.json:3:15 (key 5c1f0e9a2b7d4c36, sealed for staging)`.
    public var description: String {
        switch reason {
        case .otherContext(let context): "\(location) (key \(keyID), sealed for \(context))"
        case .keyNotLoaded: "\(location) (key \(keyID), not loaded)"
        }
    }
}
