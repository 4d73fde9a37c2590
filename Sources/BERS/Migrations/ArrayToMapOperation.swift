import BERSJSON

/// `array-to-map`: turns an array of objects into an object keyed by slug ids made from a member
/// of each element (`^[a-z0-9_]+$`; a repeated slug gets `_2`, `_3`…), adding default members.
///
/// The Picasso 1.4 → 1.4.1 step turns `action_chips.default_chips` into a dictionary keyed by
/// the chips' labels as slugs, each with `target_branch: null`.
struct ArrayToMapOperation: MigrationOperation {
    /// The array converted.
    let pointer: JSONPointer
    /// Members whose text makes the id, first non-empty wins.
    let keyFrom: [String]
    /// Members added to each entry when absent.
    let defaults: JSONObject

    func apply(to document: inout JSONValue, _ recorder: inout MigrationRecorder) {
        guard case .array(let elements)? = document[pointer: pointer] else { return }
        var map = JSONObject()
        var moves: [PointerMove] = []
        for (index, element) in elements.enumerated() {
            guard case .object(var entry) = element else {
                recorder.fail(
                    .migrationUnconvertible,
                    at: pointer.appending(index: index),
                    "element \(index) of \(pointer) is \(element.typeName), not an object; it cannot become an entry keyed by id"
                )
                return
            }
            let slug = keyFrom.lazy.compactMap { entry[$0]?.stringValue }.map(Self.slug).first { !$0.isEmpty }
            let id = Self.unique(slug ?? "item", in: map)
            for (name, value) in defaults where entry[name] == nil { entry[name] = value }
            map[id] = .object(entry)
            moves.append(PointerMove(from: pointer.appending(index: index), to: pointer.appending(id)))
        }
        recorder.set(.object(map), at: pointer, in: &document)
        for move in moves { recorder.move(from: move.from, to: move.to) }
    }

    /// Lowercase ASCII letters and digits, other runs turned into one `_`, none at the ends:
    /// "🤝 How can I volunteer?" is `how_can_i_volunteer`.
    static func slug(_ text: String) -> String {
        var slug = ""
        var pendingSeparator = false
        for scalar in text.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                if pendingSeparator && !slug.isEmpty { slug.append("_") }
                pendingSeparator = false
                slug.unicodeScalars.append(scalar)
            } else {
                pendingSeparator = true
            }
        }
        return slug
    }

    /// `id`, or `id_2`, `id_3`… the first that `map` does not have yet.
    static func unique(_ id: String, in map: JSONObject) -> String {
        guard map.contains(key: id) else { return id }
        var attempt = 2
        while map.contains(key: "\(id)_\(attempt)") { attempt += 1 }
        return "\(id)_\(attempt)"
    }
}

extension TenantIssue.Code {
    /// A migration step found a value it cannot convert (an array element that is not an object).
    public static let migrationUnconvertible = TenantIssue.Code("tenant.migration-unconvertible")
}
