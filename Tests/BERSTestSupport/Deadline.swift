/// What `operation` returns, or `nil` when it takes longer than `deadline` (it is then cancelled).
public func withDeadline<T: Sendable>(
    _ deadline: Duration = .seconds(2),
    _ operation: @escaping @Sendable () async -> T?
) async -> T? {
    await withTaskGroup(of: T?.self) { group in
        group.addTask { await operation() }
        group.addTask {
            try? await Task.sleep(for: deadline)
            return nil
        }
        let first = await group.next() ?? nil
        group.cancelAll()
        return first
    }
}
