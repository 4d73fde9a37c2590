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
    public init(document: JSONDocument) {
        var builder = Builder(document: document)
        builder.add(document.value, key: nil)
        self.init(nodes: builder.nodes, strings: builder.strings, file: document.file)
    }

    /// Appends the nodes of a ``JSONValue`` in preorder.
    private struct Builder: ~Copyable {
        let positions: [SourcePosition]
        let keyPositions: [SourcePosition]
        var nodes: ScanStack<Node>
        var strings = ScanStack<UInt8>(capacity: 64)

        init(document: JSONDocument) {
            positions = document.valuePositions
            keyPositions = document.keyPositions
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
            var text = text
            text.withUTF8 { strings.push(contentsOf: $0) }
            return (UInt32(truncatingIfNeeded: offset), UInt32(truncatingIfNeeded: strings.count - offset))
        }
    }
}
