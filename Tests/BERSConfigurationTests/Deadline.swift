/// The deadline of a test passed.
struct DeadlineExceeded: Error {}

/// Runs `body`, cancelling it and throwing ``DeadlineExceeded`` when it takes longer than `seconds`.
///
/// A cancelled wait on an async sequence ends at once. The default is a guard against a hang, not
/// a timing check: generous enough for a ThreadSanitizer run of the whole suite.
func withDeadline<Value: Sendable>(
    seconds: Int = 60,
    _ body: @escaping @Sendable () async throws -> Value
) async throws -> Value {
    try await withThrowingTaskGroup(of: Value?.self) { group in
        group.addTask { try await body() }
        group.addTask {
            try await Task.sleep(for: .seconds(seconds))
            return nil
        }
        defer { group.cancelAll() }
        guard let first = try await group.next(), let value = first else { throw DeadlineExceeded() }
        return value
    }
}
