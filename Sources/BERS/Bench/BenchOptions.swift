/// What a `bers bench` run measures and with what: the environment, the detection context, the
/// resolve options, the number of calls per operation, the clock and the memory probe.
public struct BenchOptions: Sendable {
    /// The environment loaded, resolved and read.
    public var environment: Environment
    /// The context detection runs on (the process's: its variables, host name, `--url`).
    public var detectionContext: DetectionContext
    /// How each resolve reads overrides (the process's variables).
    public var resolveOptions: ResolveOptions
    /// Calls per operation, and resolves of the memory phase (at least 1).
    public var iterations: Int
    /// The clock timing each call; tests give a scripted one.
    public var clock: any MonotonicClock
    /// Reads the resident set size in bytes (`nil` when unknown).
    public var residentMemory: @Sendable () -> Int?

    /// Options for `environment`, timing with the fine system clock by default.
    public init(
        environment: Environment,
        detectionContext: DetectionContext,
        resolveOptions: ResolveOptions = ResolveOptions(),
        iterations: Int = 500,
        clock: any MonotonicClock = SystemMonotonicClock(resolution: .fine),
        residentMemory: @escaping @Sendable () -> Int? = ResidentMemory.bytes
    ) {
        self.environment = environment
        self.detectionContext = detectionContext
        self.resolveOptions = resolveOptions
        self.iterations = max(1, iterations)
        self.clock = clock
        self.residentMemory = residentMemory
    }
}
