import BERSJSON

/// One parsed layer: its source, its document, and the size of every subtree of the document
/// (so that node numbers of members can be found without walking).
struct Layer: Sendable {
    let source: LayerSource
    let document: JSONDocument
    /// Nodes in the subtree rooted at each node, in preorder.
    let sizes: [UInt32]

    init(source: LayerSource, document: JSONDocument) {
        self.source = source
        self.document = document
        if !document.subtreeSizes.isEmpty {
            self.sizes = document.subtreeSizes
            return
        }
        var sizes = [UInt32](repeating: 1, count: document.value.nodeCount)
        var next = 0
        Layer.fill(&sizes, document.value, &next)
        self.sizes = sizes
    }

    private static func fill(_ sizes: inout [UInt32], _ value: JSONValue, _ next: inout Int) {
        let node = next
        next += 1
        switch value {
        case .array(let elements):
            for element in elements { fill(&sizes, element, &next) }
        case .object(let object):
            for member in object { fill(&sizes, member.value, &next) }
        default:
            break
        }
        sizes[node] = UInt32(next - node)
    }
}
