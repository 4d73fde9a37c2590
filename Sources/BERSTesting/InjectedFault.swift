/// A failure a ``FaultInjectingFileSystem`` injected: the operation, its path and the fault.
public struct InjectedFault: Sendable, Hashable, CustomStringConvertible {
    /// The operation failed.
    public let operation: FileSystemOperation
    /// Its path.
    public let path: String
    /// The failure.
    public let fault: FileSystemFault

    /// `write config/a.json: No space left on device`.
    public var description: String { "\(operation.rawValue) \(path): \(fault.reason)" }
}
