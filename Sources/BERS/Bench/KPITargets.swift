import BERSJSON

/// The `kpi` section of `bers.json`: the targets `bers bench` rates a project's measures against.
///
/// Each key is optional; a number sets the target (the warning limit then defaults to five times
/// it, or for `success-percent` to five points below it), an object sets both:
///
/// ```json
/// "kpi": {
///   "detection-ms": 0.1,
///   "loading-ms": {"target": 0.5, "warning": 1},
///   "memory-growth-mb": 1,
///   "success-percent": {"target": 100, "warning": 99}
/// }
/// ```
///
/// Keys: `detection-ms`, `loading-ms`, `lookup-ms`, `url-ms`, `validation-ms`, `tenant-ms`,
/// `tenant-cached-ms`, `memory-growth-mb`, `success-percent` (see ``KPI`` for the defaults).
public struct KPITargets: Sendable, Hashable {
    /// The thresholds `bers.json` sets; the others are the defaults.
    public var overrides: [KPI: KPIThreshold]

    /// The default targets.
    public init(overrides: [KPI: KPIThreshold] = [:]) { self.overrides = overrides }

    /// The threshold of `kpi`: the one `bers.json` sets, else the default.
    public subscript(kpi: KPI) -> KPIThreshold { overrides[kpi] ?? KPIThreshold(defaultFor: kpi) }

    /// Reads the section at `/kpi` of `reader`'s document.
    init(reader: DocumentReader) throws(ConfigError) {
        self.init()
        guard try reader.object(at: Self.base) != nil else { return }
        try reader.rejectUnknownKeys(at: Self.base, allowed: KPI.allCases.map(\.rawValue))
        for kpi in KPI.allCases {
            if let threshold = try Self.threshold(of: kpi, reader) { overrides[kpi] = threshold }
        }
    }

    private static let base: JSONPointer = "/kpi"

    /// The threshold written for `kpi`, `nil` when absent.
    private static func threshold(of kpi: KPI, _ reader: DocumentReader) throws(ConfigError) -> KPIThreshold? {
        let pointer = base.appending(kpi.rawValue)
        guard let value = reader.value(at: pointer) else { return nil }
        if case .object = value {
            try reader.rejectUnknownKeys(at: pointer, allowed: ["target", "warning"])
            let target = try number(at: pointer.appending("target"), of: kpi, reader) ?? kpi.defaultTarget
            let warning =
                try number(at: pointer.appending("warning"), of: kpi, reader) ?? kpi.defaultWarning(forTarget: target)
            let ordered = kpi.higherIsBetter ? warning <= target : warning >= target
            guard ordered else {
                let side = kpi.higherIsBetter ? "above" : "below"
                throw reader.fail(pointer.appending("warning"), "the warning limit must not be \(side) the target")
            }
            return KPIThreshold(target: target, warning: warning)
        }
        guard value.doubleValue != nil else {
            throw reader.fail(
                pointer,
                "expected a number or {\"target\": …, \"warning\": …}, found \(value.typeName)"
            )
        }
        let target = try number(at: pointer, of: kpi, reader) ?? kpi.defaultTarget
        return KPIThreshold(target: target, warning: kpi.defaultWarning(forTarget: target))
    }

    /// The number at `pointer`: finite, not negative, at most 100 for a percentage.
    private static func number(at pointer: JSONPointer, of kpi: KPI, _ reader: DocumentReader) throws(ConfigError)
        -> Double?
    {
        guard let value = reader.value(at: pointer) else { return nil }
        let expected = kpi.higherIsBetter ? "a percentage from 0 to 100" : "a number of \(kpi.unit), 0 or more"
        guard let number = value.doubleValue else {
            throw reader.fail(pointer, "expected \(expected), found \(value.typeName)")
        }
        guard number.isFinite, number >= 0, !kpi.higherIsBetter || number <= 100 else {
            throw reader.fail(pointer, "expected \(expected), found \(value.jsonText)")
        }
        return number
    }
}
