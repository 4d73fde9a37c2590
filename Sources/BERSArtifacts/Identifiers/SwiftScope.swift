/// The names declared in one Swift scope, so that every key gets a distinct identifier.
struct SwiftScope {
    private var taken: Set<String>
    private let reserved: Set<String>

    /// A scope where `reserved` (plus ``SwiftIdentifier/reservedEverywhere``) cannot be used by keys.
    init(reserved: Set<String>) {
        self.reserved = reserved.union(SwiftIdentifier.reservedEverywhere)
        self.taken = self.reserved
    }

    /// Claims a name the generator itself declares.
    mutating func claim(_ name: String) -> SwiftIdentifier {
        taken.insert(name)
        return SwiftIdentifier(name: name)
    }

    /// The identifier for `key` in this scope (rules 1 to 4).
    mutating func identifier(for key: String) -> SwiftIdentifier {
        var name = SwiftIdentifier.baseName(of: key)
        if reserved.contains(name) { name += "_" }
        if taken.contains(name) {
            var counter = 2
            while taken.contains("\(name)_\(counter)") { counter += 1 }
            name = "\(name)_\(counter)"
        }
        taken.insert(name)
        return SwiftIdentifier(name: name)
    }

    /// A type name derived from `key`: its identifier with the first letter upper-cased.
    mutating func typeName(for key: String, suffix: String = "") -> SwiftIdentifier {
        var base = SwiftIdentifier.baseName(of: key)
        if let first = base.first, first.isLowercase { base = first.uppercased() + base.dropFirst() }
        return identifier(for: base + suffix)
    }
}
