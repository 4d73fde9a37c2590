import BERS
import Testing

struct KPITargetsTests {
    @Test func withoutAKPISectionTheSeedsTargetsApply() throws {
        let kpi = try makeProject(["default.json": "{}"]).settings.kpi
        #expect(kpi[.detection] == KPIThreshold(target: 0.1, warning: 0.5))
        #expect(kpi[.loading] == KPIThreshold(target: 0.5, warning: 2.5))
        #expect(kpi[.url] == KPIThreshold(target: 0.1, warning: 0.5))
        #expect(kpi[.memoryGrowth] == KPIThreshold(target: 1, warning: 5))
        #expect(kpi[.success] == KPIThreshold(target: 100, warning: 95))
        #expect(kpi.overrides.isEmpty)
    }

    @Test func aNumberSetsTheTargetAndAnObjectBothLimits() throws {
        let kpi = try kpiSection(
            #"{"detection-ms": 0.2, "loading-ms": {"target": 1, "warning": 1.5}, "url-ms": {"warning": 2},"#
                + #" "memory-growth-mb": 0, "success-percent": 99, "tenant-ms": {"target": 3}}"#
        )
        #expect(kpi[.detection] == KPIThreshold(target: 0.2, warning: 1))
        #expect(kpi[.loading] == KPIThreshold(target: 1, warning: 1.5))
        #expect(kpi[.url] == KPIThreshold(target: 0.1, warning: 2))
        #expect(kpi[.memoryGrowth] == KPIThreshold(target: 0, warning: 0))
        #expect(kpi[.success] == KPIThreshold(target: 99, warning: 94))
        #expect(kpi[.tenant] == KPIThreshold(target: 3, warning: 15))
        #expect(kpi[.lookup] == KPIThreshold(defaultFor: .lookup))
    }

    @Test(arguments: [
        (#"{"detection-ms": "fast"}"#, "/kpi/detection-ms: expected a number or", "config/bers.json:1:26"),
        (#"{"detection-ms": -1}"#, "expected a number of ms, 0 or more, found -1", "config/bers.json:1:26"),
        (#"{"success-percent": 101}"#, "expected a percentage from 0 to 100, found 101", "config/bers.json:1:29"),
        (#"{"loading-ms": {"target": 2, "warning": 1}}"#, "must not be below the target", "config/bers.json:1:49"),
        (
            #"{"success-percent": {"warning": 100, "target": 99}}"#, "must not be above the target",
            "config/bers.json:1:41"
        ),
        (
            #"{"url-ms": {"target": 1, "warn": 2}}"#, "unknown key \"warn\"; did you mean \"warning\"?",
            "config/bers.json:1:34"
        ),
        (#"{"detection": 1}"#, "did you mean \"detection-ms\"?", "config/bers.json:1:10"),
        (#"[1]"#, "/kpi: expected an object, found array", "config/bers.json:1:9"),
    ])
    func aBadValueIsALocatedError(_ section: String, _ message: String, _ location: String) {
        let error = #expect(throws: ConfigError.self) { try kpiSection(section) }
        #expect(error?.code == .invalidProjectFile)
        #expect(error?.message.contains(message) == true, "\(error?.message ?? "")")
        #expect(error?.location?.description == location)
    }

    @Test func kpiIsAKnownKeyOfBersJSON() {
        #expect(ProjectSettings.knownKeys.contains("kpi"))
    }

    private func kpiSection(_ text: String) throws(ConfigError) -> KPITargets {
        try makeProject(["bers.json": #"{"kpi": "# + text + "}"]).settings.kpi
    }
}
