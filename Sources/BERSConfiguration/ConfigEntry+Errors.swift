import BERS
import BERSJSON
import Configuration

extension ConfigEntry {
    /// The longest value text a message shows.
    private static let shownLength = 60

    /// `configuration.not-convertible`: the key, the type asked for and what is there (a secret
    /// shown as `<redacted>`), located at the layer that set it.
    func mismatchError(_ type: ConfigType, in configuration: ResolvedConfiguration) -> BERSProviderError {
        let shown = isSecret ? SecretRedaction.placeholder : Self.short(value.jsonText)
        return BERSProviderError(
            .notConvertible,
            "config value for key '\(encodedKey)' failed to convert to type \(type): found \(value.typeName) \(shown)",
            requestedType: type,
            location: configuration.location(of: JSONPointer(tokens: tokens))
        )
    }

    /// `configuration.sealed-secret`: the key names a secret without its clear value.
    func sealedError(_ type: ConfigType, in configuration: ResolvedConfiguration) -> BERSProviderError {
        BERSProviderError(
            .sealedSecret,
            "config value for key '\(encodedKey)' is a secret with no clear value here: load its key or set what its $secret reference names",
            requestedType: type,
            location: configuration.location(of: JSONPointer(tokens: tokens))
        )
    }

    /// `text` cut to ``shownLength`` characters.
    private static func short(_ text: String) -> String {
        text.count > shownLength ? String(text.prefix(shownLength - 3)) + "..." : text
    }
}
