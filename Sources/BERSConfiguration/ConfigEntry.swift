import BERS
import BERSJSON
import Configuration

/// One value of a resolved configuration as a provider hands it out: the JSON value at a key,
/// the key as BERS writes it, whether the value is secret or has no clear value here, and the
/// value already converted to its own swift-configuration type.
///
/// A class, so that a lookup copies one reference out of the table.
final class ConfigEntry: Sendable {
    /// The value (a container for an object or array key).
    let value: JSONValue
    /// The dotted BERS path (`api.timeout`; a `.` or `\` in a key escaped with `\`).
    let encodedKey: String
    /// Whether the value, or a value above it, is secret.
    let isSecret: Bool
    /// Whether the value is a secret whose clear value is not available here.
    let isSealed: Bool
    /// The components of the key, for located messages.
    let tokens: [String]
    /// The type a read most likely asks for (a JSON integer's is `.int`), when the value has one
    /// and can be read: not for null, objects, mixed or empty arrays, or sealed secrets.
    private let naturalType: ConfigType?
    /// The value as ``naturalType``, made once.
    private let natural: ConfigValue?

    init(value: JSONValue, encodedKey: String, isSecret: Bool, isSealed: Bool, tokens: [String]) {
        self.value = value
        self.encodedKey = encodedKey
        self.isSecret = isSecret
        self.isSealed = isSealed
        self.tokens = tokens
        let natural = isSealed ? nil : value.naturalConfigContent
        self.naturalType = natural?.type
        self.natural = natural.map { ConfigValue($0.content, isSecret: isSecret) }
    }

    /// The value as `type`, `nil` for a JSON `null` (an absent value, as in swift-configuration's
    /// JSON provider).
    ///
    /// - Throws: ``BERSProviderError`` `configuration.sealed-secret` for a sealed secret, and
    ///   `configuration.not-convertible` for a value of another type.
    @inline(__always)
    func configValue(
        as type: ConfigType,
        bytesDecoder: any ConfigBytesFromStringDecoder,
        in configuration: ResolvedConfiguration
    ) throws(BERSProviderError) -> ConfigValue? {
        if type == naturalType { return natural }
        return try converted(to: type, bytesDecoder: bytesDecoder, in: configuration)
    }

    /// The value converted to a type other than its natural one.
    private func converted(
        to type: ConfigType,
        bytesDecoder: any ConfigBytesFromStringDecoder,
        in configuration: ResolvedConfiguration
    ) throws(BERSProviderError) -> ConfigValue? {
        if value.isNull { return nil }
        if isSealed { throw sealedError(type, in: configuration) }
        guard let content = value.configContent(as: type, bytesDecoder: bytesDecoder) else {
            throw mismatchError(type, in: configuration)
        }
        return ConfigValue(content, isSecret: isSecret)
    }
}
