#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The variables of this process, read with `getenv` (no Foundation on the resolve path).
enum ProcessEnvironment {
    /// The value of the variable `name`, or `nil` when it is not set.
    static func value(of name: String) -> String? {
        guard let pointer = getenv(name) else { return nil }
        return String(cString: pointer)
    }
}
