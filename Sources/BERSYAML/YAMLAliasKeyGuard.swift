/// Keeps alias keys (`*big: value`, `? *big`) away from Yams.
///
/// Yams hashes every mapping key while composing, to find duplicates; an alias key stands for the
/// whole anchored node, so a key aliasing a "billion laughs" tree would be hashed node by node
/// for hours before ``YAMLReader/Options/maxNodes`` could stop it. JSON keys are strings, so an
/// alias key is an error anyway: before composing, the `*` of every alias that looks like a key is
/// replaced by a noncharacter (one scalar for one, so positions do not move), which makes it a
/// plain scalar. The converter reports such a key as an error and turns the noncharacter back
/// into `*` anywhere else (the scan cannot tell a quoted or block scalar that merely contains
/// `*name:` from a real key, and restores it there).
enum YAMLAliasKeyGuard {
    /// What replaces the `*` of an alias key: U+FDD2.
    static let replacement = Unicode.Scalar(UInt32(0xFDD2)) ?? "_"

    /// `text` with the `*` of alias keys replaced, or `nil` when it has none (or already holds
    /// the replacement, in which case it is left alone).
    static func neutralizingAliasKeys(in text: String) -> String? {
        let scalars = Array(text.unicodeScalars)
        guard scalars.contains("*"), !scalars.contains(replacement) else { return nil }
        var result = scalars
        var changed = false
        for index in scalars.indices where scalars[index] == "*" && isAliasKey(scalars, at: index) {
            result[index] = replacement
            changed = true
        }
        guard changed else { return nil }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: result)
        return String(view)
    }

    /// Whether the `*` at `index` starts an alias used as a key: at the start of a token, and
    /// either after `? ` or followed by `:` and a space, a line break, the end, or a flow
    /// indicator.
    static func isAliasKey(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        var before = index - 1
        if before >= 0 && !isTokenBoundary(scalars[before]) { return false }
        var nameEnd = index + 1
        while nameEnd < scalars.count && isAnchorCharacter(scalars[nameEnd]) { nameEnd += 1 }
        guard nameEnd > index + 1 else { return false }
        while before >= 0 && (scalars[before] == " " || scalars[before] == "\t") { before -= 1 }
        if before >= 0 && scalars[before] == "?" { return true }
        var after = nameEnd
        while after < scalars.count && (scalars[after] == " " || scalars[after] == "\t") { after += 1 }
        guard after < scalars.count, scalars[after] == ":" else { return false }
        let next = after + 1
        return next == scalars.count || " \t\r\n,]}".unicodeScalars.contains(scalars[next])
    }

    private static func isTokenBoundary(_ scalar: Unicode.Scalar) -> Bool {
        " \t\r\n[{,?".unicodeScalars.contains(scalar)
    }

    /// The characters libYAML accepts in anchor names.
    private static func isAnchorCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "0"..."9", "a"..."z", "A"..."Z", "_", "-": true
        default: false
        }
    }

    /// `text` with every replacement turned back into `*`.
    static func restoring(_ text: String) -> String {
        guard text.unicodeScalars.contains(replacement) else { return text }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: text.unicodeScalars.map { $0 == replacement ? "*" : $0 })
        return String(view)
    }

    /// The anchor name when `key` is a neutralized alias key.
    static func aliasName(ofKey key: String) -> String? {
        guard key.unicodeScalars.first == replacement else { return nil }
        let name = key.unicodeScalars.dropFirst()
        guard !name.isEmpty, name.allSatisfy(isAnchorCharacter) else { return nil }
        return String(String.UnicodeScalarView(name))
    }
}
