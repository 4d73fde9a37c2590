import BERSJSON

/// A layer's tape read in place during a merge: its nodes and strings without reference counting.
///
/// Valid while the merger holds the layers.
struct TapeView {
    let nodes: UnsafePointer<JSONTape.Node>
    let strings: UnsafePointer<UInt8>

    init(_ tape: JSONTape) {
        (nodes, strings) = tape.unsafeBuffers
    }

    /// The key bytes of the member at `node`.
    @inline(__always)
    func key(of node: Int32) -> UnsafeBufferPointer<UInt8> {
        let entry = nodes[Int(node)]
        return UnsafeBufferPointer(start: strings + Int(entry.keyOffset), count: Int(entry.keyLength))
    }
}
