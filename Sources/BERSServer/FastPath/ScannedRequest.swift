/// What the fast path found at the start of the bytes a connection received.
enum ScannedRequest: Equatable {
    /// Not a whole request yet.
    case incomplete
    /// Bytes the fast path does not delimit with certainty (a body, an upgrade, anything the
    /// strict HTTP parser would refuse): the connection goes to the full server for good.
    case other
    /// A plain `GET` of `target`, `length` bytes long, with where its `If-None-Match` and
    /// `Origin` values are (offsets from the start of the request), if it has them.
    case get(target: String, ifNoneMatch: Range<Int>?, origin: Range<Int>?, length: Int)
    /// A whole request without a body, `length` bytes long, for the full server (a `HEAD`,
    /// `Connection: close`…).
    case delimited(length: Int)
}
