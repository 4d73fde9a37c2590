import BERSTestSupport
import Testing

@testable import BERS

struct BenchOutputTests {
    @Test func theTextHasATitleARowPerOperationAndTheSummary() {
        let lines = sampleReport().text().split(separator: "\n").map(String.init)
        #expect(lines[0] == "bers bench: staging, 3 calls per operation")
        #expect(
            lines[1].split(separator: " ", omittingEmptySubsequences: true).map(String.init) == [
                "operation", "calls", "mean", "median", "p95", "p99", "max", "success", "target", "rating",
            ]
        )
        #expect(lines[2].hasPrefix("detection") && lines[2].hasSuffix("good"))
        #expect(lines.contains { $0.hasPrefix("url") && $0.contains("75%") })
        #expect(lines.contains("memory growth: 0.5 MB over 3 resolves (target 1 MB, warning 5 MB): excellent"))
        #expect(lines.contains("success: 95.5% of 22 calls (target 100%, warning 95%): good"))
        #expect(lines.contains("skipped: validation (bers.json names no schema)"))
        #expect(lines.contains("failed: url: 1 of 4 calls; first: endpoint \"x\" needs \"tenant\" & more"))
        #expect(lines.last == "verdict: slow")
        #expect(!lines.contains { $0.hasSuffix(" ") })
    }

    @Test func theMarkdownIsATable() {
        let markdown = sampleReport().markdown()
        let rows = markdown.split(separator: "\n").filter { $0.hasPrefix("|") }
        #expect(rows.count == 2 + BenchOperation.allCases.count)
        #expect(rows[0] == "| operation | calls | mean | median | p95 | p99 | max | success | target | rating |")
        #expect(rows[1] == "|---|--:|--:|--:|--:|--:|--:|--:|--:|---|")
        #expect(rows[2] == "| detection | 3 | 375 µs | 250 µs | 750 µs | 750 µs | 750 µs | 100% | 100 µs | good |")
        #expect(markdown.contains("\n- verdict: slow\n"))
    }

    @Test(arguments: [
        (0.000_000_4, "0 ns"), (0.000_412, "412 ns"), (0.003_25, "3.25 µs"), (0.032_5, "32.5 µs"), (0.1, "100 µs"),
        (1.2, "1.2 ms"), (999.4, "999 ms"), (2500, "2.5 s"),
    ])
    func durationsKeepThreeSignificantDigits(_ milliseconds: Double, _ text: String) {
        #expect(BenchNumberText.duration(milliseconds: milliseconds) == text)
    }

    @Test func changesArePercentagesWithASign() {
        #expect(BenchNumberText.change(12.54) == "+12.5%")
        #expect(BenchNumberText.change(-3) == "-3%")
        #expect(BenchNumberText.change(0.01) == "0%")
        #expect(BenchNumberText.decimal(-0.004, digits: 2) == "0")
    }

    @Test func theChartIsWellFormedSVGWithARowPerOperation() throws {
        let svg = BenchChart(report: sampleReport()).svg
        let outline = XMLOutline(parsing: svg)
        #expect(outline.isWellFormed, "\(outline.error ?? "")")
        #expect(outline.elements.first == "svg")
        for operation in BenchOperation.allCases {
            #expect(outline.texts.contains(operation.rawValue))
        }
        #expect(outline.texts.contains("median 250 µs · good"))
        // A target and a warning line per operation.
        #expect(
            svg.split(separator: "stroke-dasharray", omittingEmptySubsequences: false).count - 1 == 2
                * BenchOperation.allCases.count
        )
        #expect(outline.texts.contains("1 ms"))
    }

    @Test func aChartOfNoSuccessfulCallSaysSo() {
        var report = sampleReport([.url])
        report.operations[0].latency = LatencyStatistics(nanoseconds: [])
        let svg = BenchChart(report: report).svg
        #expect(svg.contains("no call succeeded"))
        #expect(XMLOutline(parsing: svg).isWellFormed)
    }

    @Test func textIsEscapedForXML() {
        #expect(SVGWriter.escape(#"a & <b> "c""#) == "a &amp; &lt;b&gt; &quot;c&quot;")
    }
}
