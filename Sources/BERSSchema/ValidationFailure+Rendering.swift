public import BERSJSON

extension ValidationFailure {
    /// The failure as a located diagnostic: `file:line:col: /api/timeout: 500 is less than the
    /// minimum of 1000`, or without the location prefix when `locate` knows none.
    ///
    /// For a failure about an object member (``property``), the member's own location is tried
    /// first (the key of an additional property); otherwise the value at ``instanceLocation``, or
    /// the nearest enclosing value that `locate` knows (a missing member points at its object).
    ///
    /// ```swift
    /// let line = failure.rendered { pointer in layers.origin(of: pointer) }
    /// ```
    ///
    /// - Parameter locate: where the value at a pointer came from, when known. For a resolved
    ///   configuration this is the layer file that set the value.
    /// - Returns: one line of text.
    public func rendered(locatedBy locate: (JSONPointer) -> SourceLocation?) -> String {
        guard let location = sourceLocation(locatedBy: locate) else { return description }
        return "\(location): \(description)"
    }

    /// The failure located in `document`, the parsed instance: `file:line:col: /pointer: message`.
    ///
    /// The key of an offending member is pointed at when the failure is about a member.
    public func rendered(in document: JSONDocument) -> String {
        rendered { pointer in
            if pointer == instanceLocation.appending(property ?? "") && property != nil {
                return document.keyLocation(of: pointer)
            }
            return document.location(of: pointer)
        }
    }

    /// Where to point a reader: the member, else the value, else its nearest located ancestor.
    public func sourceLocation(locatedBy locate: (JSONPointer) -> SourceLocation?) -> SourceLocation? {
        if let property, let location = locate(instanceLocation.appending(property)) {
            return location
        }
        var probe = instanceLocation
        while true {
            if let location = locate(probe) { return location }
            guard let parent = probe.parent else { return nil }
            probe = parent
        }
    }
}
