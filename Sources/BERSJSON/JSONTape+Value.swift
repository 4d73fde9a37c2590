extension JSONTape {
    /// The value of the subtree at `node`, built as a ``JSONValue``.
    public func value(ofNode node: Int) -> JSONValue {
        let entry = self[node]
        switch entry.kind {
        case .null: return .null
        case .bool: return .bool(entry.flag)
        case .integer: return .integer(Int64(bitPattern: entry.payload))
        case .double: return .double(Double(bitPattern: entry.payload))
        case .string: return .string(string(of: node))
        case .array:
            var elements: [JSONValue] = []
            elements.reserveCapacity(Int(entry.count))
            var child = node + 1
            for _ in 0..<entry.count {
                elements.append(value(ofNode: child))
                child += Int(self[child].size)
            }
            return .array(elements)
        case .object:
            var members: [JSONObject.Member] = []
            members.reserveCapacity(Int(entry.count))
            var child = node + 1
            for _ in 0..<entry.count {
                members.append((key(of: child), value(ofNode: child)))
                child += Int(self[child].size)
            }
            return .object(JSONObject(uniqueMembers: members))
        }
    }

    /// The tape of a document parsed some other way (YAML) or built in code, keeping its
    /// positions when it has them.
    ///
    /// - Parameter maxStringBytes: the most bytes all keys and strings together may take (YAML
    ///   aliases can repeat one long string many times).
    /// - Throws: ``JSONError`` `json.size-limit` when the strings need more.
    public init(document: JSONDocument, maxStringBytes: Int = 64 << 20) throws(JSONError) {
        var builder = Builder(document: document, maxStringBytes: min(maxStringBytes, Int(UInt32.max)))
        builder.add(document.value, key: nil)
        guard !builder.overflowed else {
            throw JSONError(
                .sizeLimit,
                "\(document.file): its keys and strings take more than \(builder.maxStringBytes) bytes (does an alias repeat a long string?)",
                location: SourceLocation(file: document.file, line: 1, column: 1)
            )
        }
        self.init(nodes: builder.nodes, strings: builder.strings, file: document.file)
    }

    /// The tape of an empty object (`{}`).
    public static func emptyObject(file: String) -> JSONTape {
        var nodes = ScanStack<Node>(capacity: 1)
        var root = Node(kind: .object, position: .unknown, keyOffset: 0, keyLength: 0, keyPosition: .unknown)
        root.count = 0
        nodes.push(root)
        return JSONTape(nodes: nodes, strings: ScanStack<UInt8>(capacity: 1), file: file)
    }

    /// Appends the nodes of a ``JSONValue`` in preorder.
    private struct Builder: ~Copyable {
        let positions: [SourcePosition]
        let keyPositions: [SourcePosition]
        let maxStringBytes: Int
        var nodes: ScanStack<Node>
        var strings = ScanStack<UInt8>(capacity: 64)
        /// Whether a string did not fit under ``maxStringBytes`` (the tape is then unusable).
        var overflowed = false

        init(document: JSONDocument, maxStringBytes: Int) {
            positions = document.valuePositions
            keyPositions = document.keyPositions
            self.maxStringBytes = maxStringBytes
            nodes = ScanStack(capacity: positions.isEmpty ? 16 : positions.count)
        }

        mutating func add(_ value: JSONValue, key: String?) {
            let node = nodes.count
            let (keyOffset, keyLength) = key.map { store($0) } ?? (0, 0)
            var entry = Node(
                kind: .null,
                position: positions.indices.contains(node) ? positions[node] : .unknown,
                keyOffset: keyOffset,
                keyLength: keyLength,
                keyPosition: keyPositions.indices.contains(node) ? keyPositions[node] : .unknown
            )
            switch value {
            case .null: break
            case .bool(let flag):
                entry.kind = .bool
                entry.flag = flag
            case .integer(let integer):
                entry.kind = .integer
                entry.payload = UInt64(bitPattern: integer)
            case .double(let double):
                entry.kind = .double
                entry.payload = double.bitPattern
            case .string(let text):
                entry.kind = .string
                let (offset, length) = store(text)
                entry.payload = UInt64(offset) << 32 | UInt64(length)
            case .array(let elements):
                entry.kind = .array
                entry.count = UInt32(elements.count)
            case .object(let object):
                entry.kind = .object
                entry.count = UInt32(object.count)
            }
            nodes.push(entry)
            switch value {
            case .array(let elements):
                for element in elements { add(element, key: nil) }
            case .object(let object):
                for member in object { add(member.value, key: member.key) }
            default:
                break
            }
            nodes[node].size = UInt32(nodes.count - node)
        }

        private mutating func store(_ text: String) -> (UInt32, UInt32) {
            let offset = strings.count
            guard !overflowed, offset + text.utf8.count <= maxStringBytes else {
                overflowed = true
                return (0, 0)
            }
            var text = text
            text.withUTF8 { strings.push(contentsOf: $0) }
            return (UInt32(offset), UInt32(strings.count - offset))
        }
    }
}
