import BERSJSON

/// Opens the encrypted values that survive a merge, each with the context of the layer it comes
/// from.
///
/// What a value is bound to (what `bers secret encrypt --env E [--tenant T]` sealed it for):
/// - in `<env>.*` (the environment resolved or one it inherits from): that environment, whichever
///   descendant is resolved (a value in `staging.json` opens as staging for `qa`, which inherits
///   staging);
/// - in `default.*`, `local.*` and `<env>.local.*`: the environment resolved (a `default.json`
///   value sealed for production opens in production; another environment needs it only when it
///   does not override it);
/// - in a tenant's overrides: the tenant (its id, then its hash), or else the environment.
///
/// Only values that survive the merge are opened: an overridden value is never opened, so it can
/// never fail a resolution.
struct SecretOpener {
    /// The keys.
    let keyring: any SecretKeyring
    /// The environment resolved.
    let environment: String
    /// The names a tenant layer's values may be bound to, tried in order.
    var tenants: [String] = []

    /// The contexts a value of a layer from `source` may be sealed for, tried in order.
    func contexts(for source: LayerSource) -> [SecretContext] {
        switch source.kind {
        case .environment:
            [SecretContext(environment: source.name)]
        case .tenant:
            tenants.map { SecretContext(environment: environment, tenant: $0) } + [
                SecretContext(environment: environment)
            ]
        default:
            [SecretContext(environment: environment)]
        }
    }

    /// `layers` with the encrypted values that survive in `merged` (a merge of `layers`, possibly
    /// with more layers on top) opened, or `nil` when no value waits to be opened.
    ///
    /// - Throws: ``ConfigError`` `secret.unknown-key` or `secret.cannot-decrypt` at the first value
    ///   that does not open, naming its `file:line:col`, its path and the key id.
    func open(_ layers: [Layer], surviving merged: ResolvedConfiguration) throws(ConfigError) -> [Layer]? {
        guard layers.contains(where: { !$0.secrets.envelopes.isEmpty }) else { return nil }
        var clear = [[Int32: String]](repeating: [:], count: layers.count)
        let nodes = merged.storage.nodes
        for position in nodes.indices {
            let origin = nodes[position].origin
            let index = Int(origin.layer)
            guard index < layers.count, layers[index].secrets.envelopes.contains(origin.node),
                clear[index][origin.node] == nil
            else { continue }
            clear[index][origin.node] = try open(
                node: Int(origin.node),
                of: layers[index],
                at: merged.pointer(ofNode: position)
            )
        }
        var opened = layers
        for index in layers.indices where !clear[index].isEmpty {
            opened[index] = try SecretLayerRewriter.opening(layers[index], clear: clear[index])
        }
        return opened
    }

    /// The clear text of the envelope at `node` of `layer`, whose value lands at `pointer`.
    func open(node: Int, of layer: Layer, at pointer: JSONPointer) throws(ConfigError) -> String {
        let location = layer.tape.location(ofNode: node)
        do {
            guard let envelope = try SecretEnvelope.parse(layer.tape.string(of: node)) else {
                return layer.tape.string(of: node)
            }
            return try open(envelope, contexts: contexts(for: layer.source))
        } catch {
            throw ConfigError(error.code, "\(pointer): \(error.message)", location: location, underlying: error)
        }
    }

    /// The clear text of `envelope` for the first of `contexts` it opens for.
    private func open(_ envelope: SecretEnvelope, contexts: [SecretContext]) throws(ConfigError) -> String {
        var first: ConfigError?
        for context in contexts {
            do {
                return try keyring.open(envelope, context: context)
            } catch {
                // An unknown key opens for no context.
                if error.code != .cannotDecrypt { throw error }
                if first == nil { first = error }
            }
        }
        guard let first else {
            throw ConfigError(.cannotDecrypt, "the value sealed with key \(envelope.keyID) opens for no context")
        }
        guard contexts.count > 1 else { throw first }
        let tried = contexts.map(\.description).joined(separator: "; ")
        throw ConfigError(
            .cannotDecrypt,
            "the value sealed with key \(envelope.keyID) opens for none of: \(tried) (wrong key, context or altered bytes)"
        )
    }
}

extension SecretOpener {
    /// The tenant layer `layer` (a tenant's allowed overrides) with its encrypted values marked
    /// secret and, with a keyring, opened for `tenants` (id, then hash) or the environment;
    /// `$secret` references in a tenant document are not followed.
    static func openTenantLayer(
        _ layer: Layer,
        environment: String,
        tenants: [String],
        keyring: (any SecretKeyring)?
    ) throws(ConfigError) -> Layer {
        guard SecretLayerRewriter.needsRewrite(layer.tape) else { return layer }
        let (marked, _) = try SecretLayerRewriter.rewrite(layer, sources: nil)
        guard let keyring, !marked.secrets.envelopes.isEmpty else { return marked }
        let opener = SecretOpener(keyring: keyring, environment: environment, tenants: tenants)
        var clear: [Int32: String] = [:]
        for node in marked.secrets.envelopes {
            let pointer = marked.tape.pointer(ofNode: Int(node))
            clear[node] = try opener.open(node: Int(node), of: marked, at: pointer)
        }
        return try SecretLayerRewriter.opening(marked, clear: clear)
    }
}
