/// How an integer JavaScript cannot hold exactly (beyond ±2^53) is written into a JavaScript or
/// esbuild artifact.
///
/// JSON numbers become IEEE doubles in JavaScript, so `9007199254740993` would silently become
/// `9007199254740992`. BERS never writes such a number as a plain number.
public enum LargeIntegerEncoding: String, Sendable, Hashable, CaseIterable {
    /// The build fails with `build.unrepresentable-value`, naming the path and the value (default).
    case error
    /// The integer is written as a decimal string: `"9007199254740993"`.
    case string
    /// The integer is written as a BigInt literal: `9007199254740993n` (JavaScript modules only).
    case bigint

    /// The largest integer every JavaScript number holds exactly: 2^53.
    static let safeMagnitude: UInt64 = 1 << 53

    /// Whether `integer` is exact as a JavaScript number.
    static func isSafe(_ integer: Int64) -> Bool { integer.magnitude <= safeMagnitude }
}
