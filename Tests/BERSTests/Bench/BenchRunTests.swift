import BERS
import BERSJSON
import Testing

struct BenchRunTests {
    @Test func aSavedRunReadsBackAsTheSameRun() throws {
        let run = sampleRun()
        let text = run.jsonValue.jsonText(.pretty)
        let read = try BenchRun(bytes: Array(text.utf8), file: "run.json")
        #expect(read == run)
        #expect(read.report.verdict == run.report.verdict)
        #expect(read.report.success == run.report.success)
    }

    @Test func aRunWithoutMemoryOrSkipsReadsBackToo() throws {
        var report = sampleReport([.detection])
        report.memory = nil
        report.skipped = []
        let run = sampleRun(report)
        #expect(try BenchRun(bytes: Array(run.jsonValue.jsonText.utf8), file: "run.json") == run)
    }

    @Test func theJSONNamesFiguresAndRatings() throws {
        let value = sampleRun().jsonValue
        #expect(value["format"] == "bers-bench/1")
        #expect(value["machine"]?["cpus"] == 8)
        let detection = try #require(value["report"]?["operations"]?[0])
        #expect(detection["name"] == "detection")
        #expect(detection["median-ms"] == 0.25)
        #expect(detection["target-ms"] == 0.1)
        #expect(detection["rating"] == "good")
        #expect(value["report"]?["operations"]?[3]?["first-failure"] != nil)
        #expect(value["report"]?["verdict"] == "slow")
        #expect(value["report"]?["success"]?["calls"] == 22)
    }

    @Test(arguments: [
        ("{", "run.json:1:2"),
        (#"{"format": "other"}"#, "run.json:1:12"),
        (
            #"{"format": "bers-bench/1", "machine": {"date": "d", "host": "h", "cpus": 0, "bers-version": "v"}}"#,
            "run.json:1:74"
        ),
        (#"{"format": "bers-bench/1", "extra": 1}"#, "run.json:1:28"),
    ])
    func aFileThatIsNotASavedRunIsALocatedError(_ text: String, _ location: String) {
        let error = #expect(throws: ConfigError.self) { try BenchRun(bytes: Array(text.utf8), file: "run.json") }
        #expect(error?.code == .invalidBaseline)
        #expect(error?.code.rawValue == "config.invalid-baseline")
        #expect(error?.location?.description == location, "\(error?.description ?? "")")
    }

    @Test func anUnknownOperationNamesTheKnownOnes() throws {
        var value = sampleRun(sampleReport([.detection])).jsonValue.jsonText
        value = value.replacing(#""name":"detection""#, with: #""name":"detect""#)
        let error = #expect(throws: ConfigError.self) { try BenchRun(bytes: Array(value.utf8), file: "run.json") }
        #expect(error?.message.contains("unknown operation \"detect\" (known: detection, loading") == true)
    }

    @Test func missingFiguresAreNamed() {
        let text =
            #"{"format": "bers-bench/1", "machine": {"date": "d", "host": "h", "cpus": 1, "bers-version": "v"}, "report": {"environment": "x", "iterations": 2, "operations": [{"name": "url"}]}}"#
        let error = #expect(throws: ConfigError.self) { try BenchRun(bytes: Array(text.utf8), file: "run.json") }
        #expect(error?.message == "/report/operations/0/samples: is missing")
    }
}
