/// How `bers bench` writes numbers: durations in the unit that keeps three significant digits
/// (`412 ns`, `3.25 µs`, `1.2 ms`), percentages and megabytes, without trailing zeros.
enum BenchNumberText {
    /// `value` with at most `digits` decimals, trailing zeros dropped (`1.5`, `2`, `-0.25`).
    static func decimal(_ value: Double, digits: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
        var scale: Int64 = 1
        for _ in 0..<max(0, min(digits, 9)) { scale *= 10 }
        let scaled = (abs(value) * Double(scale)).rounded()
        guard scaled < 9e17, let units = Int64(exactly: scaled) else { return "\(value)" }
        var text = String(units / scale)
        var fraction = String(units % scale)
        if scale > 1 {
            fraction = String(repeating: "0", count: String(scale).count - 1 - fraction.count) + fraction
            while fraction.hasSuffix("0") { fraction.removeLast() }
            if !fraction.isEmpty { text += "." + fraction }
        }
        return units != 0 && value < 0 ? "-" + text : text
    }

    /// A duration given in milliseconds, in ns, µs, ms or s.
    static func duration(milliseconds: Double) -> String {
        let nanoseconds = milliseconds * 1_000_000
        if nanoseconds < 999.5 { return decimal(nanoseconds, digits: 0) + " ns" }
        if nanoseconds < 999_500 { return significant(nanoseconds / 1000) + " µs" }
        if milliseconds < 999.5 { return significant(milliseconds) + " ms" }
        return significant(milliseconds / 1000) + " s"
    }

    /// A percentage with one decimal (`99.5%`, `100%`).
    static func percent(_ value: Double) -> String { decimal(value, digits: 1) + "%" }

    /// Megabytes with two decimals (`0.25 MB`).
    static func megabytes(_ value: Double) -> String { decimal(value, digits: 2) + " MB" }

    /// A signed percentage change (`+12.5%`, `-3%`).
    static func change(_ value: Double) -> String {
        let text = percent(value)
        return value > 0 && text != "0%" ? "+" + text : text
    }

    /// Three significant digits for a value from 1 to 1000.
    private static func significant(_ value: Double) -> String {
        decimal(value, digits: value < 9.995 ? 2 : value < 99.95 ? 1 : 0)
    }
}
