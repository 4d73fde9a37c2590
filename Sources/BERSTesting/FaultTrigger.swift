/// When a ``FileSystemFaultRule`` fails an operation, counting only the calls it applies to
/// (its operations on its paths), from 1.
public enum FaultTrigger: Sendable, Hashable {
    /// Every call.
    case always
    /// Only the `n`th call.
    case onCall(Int)
    /// Every call after the first `n`, which succeed.
    case afterCalls(Int)
    /// The first `n` calls (a burst), then never again.
    case firstCalls(Int)

    /// Whether the `count`th call fails.
    public func fires(onCall count: Int) -> Bool {
        switch self {
        case .always: true
        case .onCall(let n): count == n
        case .afterCalls(let n): count > n
        case .firstCalls(let n): count <= n
        }
    }
}
