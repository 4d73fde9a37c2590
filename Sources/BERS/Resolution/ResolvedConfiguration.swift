import BERSJSON
import Synchronization

/// An immutable, resolved configuration: the merged value for one environment, with the
/// provenance of every value and fast lookups by path.
///
/// Copies are cheap and it is safe to share between tasks. Read values by dotted path
/// (`api.timeout`, `security.corsOrigins.0`) or JSON pointer (`/api/timeout`):
///
/// ```swift
/// let config = try project.resolve(.production)
/// let timeout = try config.int("api.timeout")              // 10000
/// let origin = config.provenance(at: "api.timeout")        // production.json:3:16, overrode default.json:4:16
/// let api = try config.decode(APISettings.self, at: "api")
/// ```
public struct ResolvedConfiguration: Sendable {
    /// The environment resolved for.
    public let environment: Environment
    /// Warnings collected while resolving (for example, an override variable naming no key).
    public let diagnostics: [ConfigDiagnostic]
    let storage: Storage

    final class Storage: Sendable {
        // A class so that copies of a configuration share its tables.
        let layers: [Layer]
        let nodes: [ResolvedNode]
        let overridden: [Origin]
        let index: PathIndex
        /// The schema's secret places, asked on first use.
        let secretLocations: SecretLocationSource
        /// The whole document, built on first use.
        private let document = Mutex<JSONValue?>(nil)
        /// The secret nodes, found on first use.
        private let secretNodeTable = Mutex<SecretNodes?>(nil)

        init(
            layers: [Layer],
            nodes: [ResolvedNode],
            overridden: [Origin],
            index: PathIndex,
            secrets: SecretLocationSource = .none
        ) {
            self.layers = layers
            self.nodes = nodes
            self.overridden = overridden
            self.index = index
            self.secretLocations = secrets
        }

        /// Which nodes hold secrets, found once.
        var secretNodes: SecretNodes {
            if let known = secretNodeTable.withLock({ $0 }) { return known }
            let found = findSecretNodes(secretLocations.locations)
            secretNodeTable.withLock { $0 = found }
            return found
        }

        /// The resolved document, built once.
        var value: JSONValue {
            if let built = document.withLock({ $0 }) { return built }
            let built = value(ofNode: 0)
            document.withLock { $0 = built }
            return built
        }

        /// The tape node a resolved node took its value (or key) from.
        @inline(__always)
        func tape(of node: Int) -> (tape: JSONTape, node: Int) {
            let origin = nodes[node].origin
            return (layers[Int(origin.layer)].tape, Int(origin.node))
        }

        /// The value of the subtree at `node`: scalars from the tape of the layer that set them,
        /// containers from their resolved children.
        func value(ofNode node: Int) -> JSONValue {
            let entry = nodes[node]
            switch entry.kind {
            case .object:
                var members: [JSONObject.Member] = []
                members.reserveCapacity(Int(entry.count))
                var child = node + 1
                for _ in 0..<entry.count {
                    let (tape, origin) = tape(of: child)
                    members.append((tape.key(of: origin), value(ofNode: child)))
                    child += Int(nodes[child].size)
                }
                return .object(JSONObject(uniqueMembers: members))
            case .array:
                var elements: [JSONValue] = []
                elements.reserveCapacity(Int(entry.count))
                var child = node + 1
                for _ in 0..<entry.count {
                    elements.append(value(ofNode: child))
                    child += Int(nodes[child].size)
                }
                return .array(elements)
            default:
                let (tape, origin) = tape(of: node)
                return tape.value(ofNode: origin)
            }
        }
    }

    init(environment: Environment, storage: Storage, diagnostics: [ConfigDiagnostic]) {
        self.environment = environment
        self.storage = storage
        self.diagnostics = diagnostics
    }

    /// The whole resolved document.
    ///
    /// Built from the layers on first use and kept; typed lookups (``int(_:)``, ``string(_:)``, …)
    /// never need it.
    public var value: JSONValue { storage.value }

    /// The layers applied, lowest first.
    public var layers: [LayerSource] { storage.layers.map(\.source) }

    // MARK: Lookup

    /// The node at a dotted path or JSON pointer.
    @inline(__always)
    func node(at path: String) -> Int? {
        if let first = path.utf8.first, first == UInt8(ascii: "/") {
            guard let pointer = try? JSONPointer(parsing: path) else { return nil }
            return node(at: pointer)
        }
        return storage.index.node(forPath: path)
    }

    /// The node at a JSON pointer.
    func node(at pointer: JSONPointer) -> Int? {
        storage.index.node(forPath: ResolvedConfiguration.dottedKey(pointer))
    }

    /// The dotted index key of a pointer: tokens joined by `.`, with `.` and `\` in tokens escaped.
    static func dottedKey(_ pointer: JSONPointer) -> String {
        var key = ""
        for (position, token) in pointer.tokens.enumerated() {
            if position > 0 { key.append(".") }
            if token.utf8.contains(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "\\") }) {
                for character in token {
                    if character == "." || character == "\\" { key.append("\\") }
                    key.append(character)
                }
            } else {
                key.append(token)
            }
        }
        return key
    }

    /// The value at a dotted path (`api.timeout`) or JSON pointer (`/api/timeout`); the empty
    /// path is the whole document.
    public func value(at path: String) -> JSONValue? {
        guard let node = node(at: path) else { return nil }
        return node == 0 ? storage.value : storage.value(ofNode: node)
    }

    /// The value at a JSON pointer.
    public func value(at pointer: JSONPointer) -> JSONValue? {
        guard let node = node(at: pointer) else { return nil }
        return node == 0 ? storage.value : storage.value(ofNode: node)
    }

    /// Whether a value exists at the path.
    public func contains(_ path: String) -> Bool { node(at: path) != nil }

    /// The JSON pointer of a node.
    func pointer(ofNode node: Int) -> JSONPointer {
        JSONPointer(tokens: storage.index.tokens(of: node))
    }

    // MARK: Provenance

    /// Where the value at `path` came from and what it replaced, or `nil` when there is none.
    public func provenance(at path: String) -> Provenance? {
        node(at: path).map(provenance(ofNode:))
    }

    /// Where the value at `pointer` came from.
    public func provenance(at pointer: JSONPointer) -> Provenance? {
        node(at: pointer).map(provenance(ofNode:))
    }

    /// The provenance of every leaf (scalars, arrays and empty objects), in document order.
    public func leafProvenance() -> [Provenance] {
        storage.nodes.indices.compactMap { index in
            let node = storage.nodes[index]
            if node.kind == .object && node.count > 0 { return nil }
            // Arrays are leaves: nothing below one is listed on its own.
            var ancestor = Int(node.parent)
            while ancestor >= 0 {
                if storage.nodes[ancestor].kind == .array { return nil }
                ancestor = Int(storage.nodes[ancestor].parent)
            }
            return provenance(ofNode: index)
        }
    }

    func provenance(ofNode index: Int) -> Provenance {
        let node = storage.nodes[index]
        let start = Int(node.overriddenStart)
        let overrode = storage.overridden[start..<(start + Int(node.overriddenCount))]
            .map { replaced in
                source(of: replaced, value: storage.layers[Int(replaced.layer)].tape.value(ofNode: Int(replaced.node)))
            }
        let value = index == 0 ? storage.value : storage.value(ofNode: index)
        return Provenance(
            pointer: pointer(ofNode: index),
            value: value,
            source: source(of: node.origin, value: value),
            overrode: overrode,
            isMerged: node.isMerged
        )
    }

    /// The location a value came from, for messages about it.
    func sourceDescription(ofNode index: Int) -> String {
        let origin = storage.nodes[index].origin
        let layer = storage.layers[Int(origin.layer)]
        return layer.tape.location(ofNode: Int(origin.node))?.description ?? layer.source.description
    }

    func source(of origin: Origin, value: JSONValue) -> ValueSource {
        let layer = storage.layers[Int(origin.layer)]
        return ValueSource(
            layer: layer.source,
            location: layer.tape.location(ofNode: Int(origin.node)),
            value: value
        )
    }

    /// The location of the value at `pointer` in the layer file that set it, for located messages
    /// (schema errors, typed-access errors).
    public func location(of pointer: JSONPointer) -> SourceLocation? {
        var probe = pointer
        while true {
            if let node = node(at: probe) {
                let origin = storage.nodes[node].origin
                return storage.layers[Int(origin.layer)].tape.location(ofNode: Int(origin.node))
            }
            guard let parent = probe.parent else { return nil }
            probe = parent
        }
    }
}
