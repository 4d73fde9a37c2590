import BERS
import Synchronization

/// A ``FileSystem`` that fails chosen operations of another one: disk full, permission denied,
/// a directory where a file is expected, an I/O error, on chosen paths and calls.
///
/// A failed operation throws the error ``LocalFileSystem`` throws for that system error and does
/// nothing else: a failed write leaves the file as it was, as an atomic write does. Operations
/// no rule fails go to the wrapped file system.
///
/// ```swift
/// let files = FaultInjectingFileSystem(wrapping: LocalFileSystem())
/// files.add(FileSystemFaultRule(.write, path: .suffix("/config.json"), when: .onCall(2), fault: .diskFull))
/// // … the operation under test …
/// #expect(files.injected.count == 1)   // the fault was reached
/// ```
///
/// Rules are checked in the order added; each counts the calls it applies to, and the first
/// that fires fails the call. Thread-safe: one instance may serve concurrent tasks.
public final class FaultInjectingFileSystem: FileSystem {
    // A class for shared identity: rules added later apply to every holder, as on a real disk.

    /// The file system operations go to when no rule fails them.
    public let base: any FileSystem
    private let state: Mutex<State>

    private struct State {
        var rules: [(rule: FileSystemFaultRule, calls: Int)] = []
        var injected: [InjectedFault] = []
    }

    /// A file system failing operations of `base` as `rules` say.
    public init(wrapping base: any FileSystem, rules: [FileSystemFaultRule] = []) {
        self.base = base
        state = Mutex(State(rules: rules.map { ($0, 0) }))
    }

    /// Adds a rule, checked after the ones already there.
    public func add(_ rule: FileSystemFaultRule) {
        state.withLock { $0.rules.append((rule, 0)) }
    }

    /// Removes every rule: from now on every operation goes to ``base``.
    public func removeAllRules() {
        state.withLock { $0.rules.removeAll() }
    }

    /// The failures injected so far, in order.
    public var injected: [InjectedFault] { state.withLock { $0.injected } }

    /// Counts the call and returns the error it fails with, if a rule fires.
    private func failure(_ operation: FileSystemOperation, _ path: String) -> ConfigError? {
        state.withLock { state -> ConfigError? in
            var fault: FileSystemFault?
            for index in state.rules.indices where state.rules[index].rule.applies(to: operation, atPath: path) {
                state.rules[index].calls += 1
                if fault == nil, state.rules[index].rule.trigger.fires(onCall: state.rules[index].calls) {
                    fault = state.rules[index].rule.fault
                }
            }
            guard let fault else { return nil }
            state.injected.append(InjectedFault(operation: operation, path: path, fault: fault))
            return fault.error(for: operation, atPath: path)
        }
    }

    /// Whether an `isADirectory` rule covers `path` for reads or writes (without counting a call).
    private func isDirectoryInTheWay(_ path: String) -> Bool {
        state.withLock { state in
            state.rules.contains {
                $0.rule.fault == .isADirectory && $0.rule.trigger == .always
                    && !$0.rule.operations.isDisjoint(with: [.read, .write]) && $0.rule.path.matches(path)
            }
        }
    }

    // swift-format-ignore: AllPublicDeclarationsHaveDocumentation
    public func contentsOfDirectory(atPath path: String) throws(ConfigError) -> [String] {
        if let error = failure(.list, path) { throw error }
        return try base.contentsOfDirectory(atPath: path)
    }

    // swift-format-ignore: AllPublicDeclarationsHaveDocumentation
    public func contents(atPath path: String, maxBytes: Int) throws(ConfigError) -> [UInt8] {
        if let error = failure(.read, path) { throw error }
        return try base.contents(atPath: path, maxBytes: maxBytes)
    }

    /// What ``base`` says, except that a path an `isADirectory` rule always fails is a directory.
    public func itemKind(atPath path: String) -> FileItemKind {
        isDirectoryInTheWay(path) ? .directory : base.itemKind(atPath: path)
    }

    // swift-format-ignore: AllPublicDeclarationsHaveDocumentation
    public func write(_ bytes: [UInt8], toPath path: String) throws(ConfigError) {
        if let error = failure(.write, path) { throw error }
        try base.write(bytes, toPath: path)
    }

    // swift-format-ignore: AllPublicDeclarationsHaveDocumentation
    public func createDirectory(atPath path: String) throws(ConfigError) {
        if let error = failure(.createDirectory, path) { throw error }
        try base.createDirectory(atPath: path)
    }

    // swift-format-ignore: AllPublicDeclarationsHaveDocumentation
    public var currentDirectoryPath: String { base.currentDirectoryPath }

    // swift-format-ignore: AllPublicDeclarationsHaveDocumentation
    public func canonicalPath(_ path: String) -> String { base.canonicalPath(path) }

    // swift-format-ignore: AllPublicDeclarationsHaveDocumentation
    public func permissions(atPath path: String) -> UInt32? { base.permissions(atPath: path) }

    // swift-format-ignore: AllPublicDeclarationsHaveDocumentation
    public func withExclusiveLock<Result>(
        onDirectory directory: String,
        _ body: () throws(ConfigError) -> Result
    ) throws(ConfigError) -> Result {
        if let error = failure(.lock, directory) { throw error }
        return try base.withExclusiveLock(onDirectory: directory, body)
    }
}
