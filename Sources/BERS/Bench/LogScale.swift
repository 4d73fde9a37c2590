#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A base-10 logarithmic axis from whole decades of milliseconds to horizontal pixels.
struct LogScale: Sendable {
    /// The smallest value drawn (1 ns); smaller values, and 0, are drawn there.
    static let floor = 1e-6

    /// The first and last decade (powers of ten of milliseconds).
    let decades: ClosedRange<Int>
    /// The pixel of the first and the last decade.
    let pixels: ClosedRange<Double>

    /// A scale spanning every value of `values` to whole decades.
    init(covering values: [Double], pixels: ClosedRange<Double>) {
        let logs = values.map { log10(Swift.max($0, Self.floor)) }
        let low = Int((logs.min() ?? -3).rounded(.down))
        let high = Int((logs.max() ?? 0).rounded(.up))
        decades = low...Swift.max(high, low + 1)
        self.pixels = pixels
    }

    /// The pixel of `milliseconds`.
    func x(_ milliseconds: Double) -> Double {
        let span = Double(decades.upperBound - decades.lowerBound)
        let position = (log10(Swift.max(milliseconds, Self.floor)) - Double(decades.lowerBound)) / span
        return pixels.lowerBound + position * (pixels.upperBound - pixels.lowerBound)
    }

    /// The value of each decade, in milliseconds.
    var decadeValues: [Double] { decades.map { pow(10, Double($0)) } }
}
