import BERSJSON

/// Which elements of the arrays being merged at one path become one element of the result,
/// under an append, unique or merge-by-key strategy.
enum ArrayGrouping {
    /// The groups of `arrays`' elements, in order; each group lists its elements lowest layer first.
    ///
    /// - Throws: ``ConfigError`` `config.invalid-merge-strategy` when a merge-by-key element is not
    ///   an object with the key member.
    static func groups(
        of arrays: [Origin],
        strategy: MergeStrategy,
        layers: [Layer],
        path: JSONPointer
    ) throws(ConfigError) -> [[Origin]] {
        var groups: [[Origin]] = []
        var groupOfKey: [JSONValue: Int] = [:]
        for array in arrays {
            let tape = layers[Int(array.layer)].tape
            let container = tape[Int(array.node)]
            guard container.kind == .array else { continue }
            var child = Int(array.node) + 1
            for position in 0..<Int(container.count) {
                let element = Origin(layer: array.layer, node: Int32(child))
                switch strategy {
                case .replace, .append:
                    groups.append([element])
                case .unique:
                    let value = tape.value(ofNode: child)
                    if groupOfKey[value] == nil {
                        groupOfKey[value] = groups.count
                        groups.append([element])
                    }
                case .mergeByKey(let field):
                    guard let keyNode = tape.member(field, of: child) else {
                        throw ConfigError(
                            .invalidMergeStrategy,
                            "\(path.appending(index: position)): merge-by-key:\(field) needs objects with a \"\(field)\" member",
                            location: tape.location(ofNode: child)
                        )
                    }
                    let key = tape.value(ofNode: keyNode)
                    if let group = groupOfKey[key] {
                        groups[group].append(element)
                    } else {
                        groupOfKey[key] = groups.count
                        groups.append([element])
                    }
                }
                child += Int(tape[child].size)
            }
        }
        return groups
    }
}
