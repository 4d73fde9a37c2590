import BERSJSON

extension JSONValue {
    /// Sets the value at `pointer` (`nil` removes it), creating missing objects along the way.
    ///
    /// - Returns: whether the document changed place: `false` when a parent on the way is a
    ///   scalar or an array index is out of range.
    @discardableResult
    mutating func setValue(_ newValue: JSONValue?, at pointer: JSONPointer) -> Bool {
        setValue(newValue, at: pointer.tokens[...])
    }

    private mutating func setValue(_ newValue: JSONValue?, at tokens: ArraySlice<String>) -> Bool {
        guard let token = tokens.first else {
            guard let newValue else { return false }
            self = newValue
            return true
        }
        let rest = tokens.dropFirst()
        switch self {
        case .object(var object):
            if rest.isEmpty {
                object[token] = newValue
            } else {
                var child = object[token] ?? .object(JSONObject())
                guard child.setValue(newValue, at: rest) else { return false }
                object[token] = child
            }
            self = .object(object)
            return true
        case .array(var elements):
            guard let index = JSONPointer.arrayIndex(token), elements.indices.contains(index) else { return false }
            if rest.isEmpty {
                if let newValue { elements[index] = newValue } else { elements.remove(at: index) }
            } else {
                guard elements[index].setValue(newValue, at: rest) else { return false }
            }
            self = .array(elements)
            return true
        default:
            return false
        }
    }
}
