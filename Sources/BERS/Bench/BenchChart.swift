/// A self-contained SVG chart of a `bers bench` report, for a browser as it is.
///
/// One row per operation on a logarithmic time axis: a whisker from the fastest to the slowest
/// call, a box from the median to p95, marks at the median (a thick bar), p95 and p99 (ticks) and
/// the mean (a dot), the KPI target (dashed green) and warning limit (dashed orange), and the
/// median and rating written at the end of the row.
public struct BenchChart: Sendable {
    /// The report drawn.
    public var report: BenchReport

    /// A chart of `report`.
    public init(report: BenchReport) { self.report = report }

    private static let width = 960.0
    private static let left = 150.0
    private static let right = 190.0
    private static let top = 56.0
    private static let rowHeight = 44.0

    /// The SVG document.
    public var svg: String {
        let rows = Double(max(1, report.operations.count))
        let height = Self.top + rows * Self.rowHeight + 78
        var svg = SVGWriter(width: Self.width, height: height)
        svg.text(
            Self.left,
            24,
            "bers bench: \(report.environment), \(report.iterations) calls per operation",
            size: 16,
            weight: "bold"
        )
        drawAxis(&svg, bottom: Self.top + rows * Self.rowHeight)
        for (index, measured) in report.operations.enumerated() {
            drawRow(&svg, measured, centre: Self.top + (Double(index) + 0.5) * Self.rowHeight)
        }
        for (line, text) in Self.legend.enumerated() {
            svg.text(Self.left, height - 30 + Double(line) * 15, text, size: 11, fill: "#555")
        }
        return svg.document()
    }

    private static let legend = [
        "whisker: min to max · box: median to p95 · bar: median · ticks: p95, p99 · dot: mean",
        "dashed lines: KPI target (green) and warning limit (orange) · time on a logarithmic scale",
    ]

    private var scale: LogScale {
        let values = report.operations.flatMap { measured in
            [measured.latency.min, measured.latency.max, measured.threshold.target, measured.threshold.warning]
        }
        return LogScale(covering: values, pixels: Self.left...(Self.width - Self.right))
    }

    private func drawAxis(_ svg: inout SVGWriter, bottom: Double) {
        for value in scale.decadeValues {
            let x = scale.x(value)
            svg.line(x, Self.top - 8, x, bottom, stroke: "#ddd")
            svg.text(x, bottom + 18, BenchNumberText.duration(milliseconds: value), size: 11, anchor: "middle")
        }
        svg.line(Self.left, bottom, Self.width - Self.right, bottom, stroke: "#888")
    }

    private func drawRow(_ svg: inout SVGWriter, _ measured: BenchOperationReport, centre y: Double) {
        let scale = scale
        let latency = measured.latency
        svg.text(Self.left - 10, y + 4, measured.operation.rawValue, size: 13, anchor: "end")
        for (value, colour) in [(measured.threshold.target, "#2e7d32"), (measured.threshold.warning, "#ef6c00")] {
            svg.line(scale.x(value), y - 16, scale.x(value), y + 16, stroke: colour, dashed: true)
        }
        guard latency.count > 0 else {
            svg.text(Self.width - Self.right + 10, y + 4, "no call succeeded · slow", size: 12, fill: "#c62828")
            return
        }
        let colour = Self.colour(of: measured.rating)
        svg.line(scale.x(latency.min), y, scale.x(latency.max), y, stroke: "#777")
        let box = (scale.x(latency.median), scale.x(latency.p95))
        svg.rect(box.0, y - 9, max(1, box.1 - box.0), 18, fill: colour)
        svg.line(box.0, y - 12, box.0, y + 12, stroke: "#222", width: 3)
        svg.line(scale.x(latency.p95), y - 9, scale.x(latency.p95), y + 9, stroke: "#222")
        svg.line(scale.x(latency.p99), y - 6, scale.x(latency.p99), y + 6, stroke: "#222")
        svg.circle(scale.x(latency.mean), y, 3, fill: "#222")
        let label = "median \(BenchNumberText.duration(milliseconds: latency.median)) · \(measured.rating.rawValue)"
        svg.text(Self.width - Self.right + 10, y + 4, label, size: 12)
    }

    private static func colour(of rating: BenchRating) -> String {
        switch rating {
        case .excellent: "#a5d6a7"
        case .good: "#ffe082"
        case .slow: "#ef9a9a"
        }
    }
}
