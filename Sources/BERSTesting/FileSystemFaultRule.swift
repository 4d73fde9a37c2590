/// One failure a ``FaultInjectingFileSystem`` injects: which operations, on which paths, when,
/// and what failure.
///
/// ```swift
/// // The second write of any file under tenants/ finds the disk full.
/// FileSystemFaultRule(.write, path: .containing("/tenants/"), when: .onCall(2), fault: .diskFull)
/// ```
public struct FileSystemFaultRule: Sendable {
    /// The operations failed.
    public var operations: Set<FileSystemOperation>
    /// The paths failed.
    public var path: FaultPath
    /// Which of the calls it applies to fail.
    public var trigger: FaultTrigger
    /// The failure.
    public var fault: FileSystemFault

    /// A rule failing `operations` on `path` as `trigger` says with `fault`.
    public init(
        _ operations: Set<FileSystemOperation>,
        path: FaultPath = .any,
        when trigger: FaultTrigger = .always,
        fault: FileSystemFault
    ) {
        self.operations = operations
        self.path = path
        self.trigger = trigger
        self.fault = fault
    }

    /// A rule failing one `operation` on `path` as `trigger` says with `fault`.
    public init(
        _ operation: FileSystemOperation,
        path: FaultPath = .any,
        when trigger: FaultTrigger = .always,
        fault: FileSystemFault
    ) {
        self.init([operation], path: path, when: trigger, fault: fault)
    }

    /// Whether the rule applies to `operation` on `path` (before counting).
    public func applies(to operation: FileSystemOperation, atPath path: String) -> Bool {
        operations.contains(operation) && self.path.matches(path)
    }
}
