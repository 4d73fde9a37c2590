#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reports a broken property and stops the process, so that libFuzzer saves the input as a crash.
///
/// A fuzz target calls this when the code under test answered, but wrongly (a round trip that
/// changes the value, an accepted key that escapes its store, a match slower than its bound).
public func fuzzFinding(_ message: String) -> Never {
    var text = "FUZZ FINDING: \(message)\n"
    text.withUTF8 { buffer in _ = write(2, buffer.baseAddress, buffer.count) }
    abort()
}

/// Calls ``fuzzFinding(_:)`` when `condition` is false.
public func fuzzCheck(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fuzzFinding(message()) }
}
