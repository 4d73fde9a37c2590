/// Which nodes of a resolved configuration hold secrets, and which of those are sealed.
struct SecretNodes: Sendable {
    /// Nodes holding a secret (a node below a secret node is in here too).
    let secret: Set<Int>
    /// Nodes whose secret has no clear value here.
    let sealed: Set<Int>

    static let none = SecretNodes(secret: [], sealed: [])
}

extension ResolvedConfiguration.Storage {
    /// Finds the secret nodes: a value a layer marked secret (encrypted or referenced), a value
    /// that replaced such a value, and every value at or below a place the schema marks secret.
    func findSecretNodes(_ locations: SecretLocations) -> SecretNodes {
        let layersWithSecrets = layers.contains { !$0.secrets.isEmpty }
        guard layersWithSecrets || locations.coversEverything || !locations.patterns.isEmpty else { return .none }
        var secret = Set<Int>()
        var sealed = Set<Int>()
        for position in nodes.indices {
            let node = nodes[position]
            let origin = node.origin
            let originSecrets = layers[Int(origin.layer)].secrets
            if originSecrets.sealed.contains(origin.node) { sealed.insert(position) }
            if node.parent >= 0, secret.contains(Int(node.parent)) {
                secret.insert(position)
                continue
            }
            let start = Int(node.overriddenStart)
            let replacedSecret = overridden[start..<(start + Int(node.overriddenCount))]
                .contains { layers[Int($0.layer)].secrets.secret.contains($0.node) }
            if originSecrets.secret.contains(origin.node) || replacedSecret
                || locations.contains(index.tokens(of: position))
            {
                secret.insert(position)
            }
        }
        return SecretNodes(secret: secret, sealed: sealed)
    }
}
