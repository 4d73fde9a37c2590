/// A route's response, and how long the fast path may reuse it (`nil`: never).
struct RouteAnswer: Sendable {
    /// The response.
    let response: RenderedResponse
    /// When the fast path may write it again.
    let validity: HotValidity?

    /// `response`, reusable while `validity` says so.
    init(_ response: RenderedResponse, validity: HotValidity? = nil) {
        self.response = response
        self.validity = validity
    }
}
