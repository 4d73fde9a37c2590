/// Times one call, for targets whose property is a time bound.
public enum FuzzClock {
    /// The result of `body` and the milliseconds it took.
    public static func measure<Result>(_ body: () throws -> Result) rethrows -> (result: Result, milliseconds: Double) {
        let clock = ContinuousClock()
        let start = clock.now
        let result = try body()
        let elapsed = start.duration(to: clock.now)
        let milliseconds =
            Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        return (result, milliseconds)
    }
}
