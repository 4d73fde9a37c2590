extension ReloadingBERSProvider: CustomStringConvertible, CustomDebugStringConvertible {
    /// The current snapshot's description, with the generation number.
    public var description: String {
        let current = current()
        return "\(current.snapshot.description), generation \(current.generation.number)"
    }

    /// The current snapshot's debug description: every value with where it was set, secrets
    /// redacted.
    public var debugDescription: String { current().snapshot.debugDescription }
}
