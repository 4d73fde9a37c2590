import BERS
import FuzzSupport

/// Environment detection from outside text: `--env`, `BERS_ENV`, a page URL's query, a hostname
/// and `.bers-env`, against the built-in catalog and one custom environment.
///
/// An input is up to five NUL-separated parts in that order. Properties: detection always names
/// a known environment; the memoised answer equals a fresh one; hostname normalization is
/// idempotent.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDetection(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let parts = FuzzInput(start, count).parts(limit: 5).map(FuzzInput.text)
    func part(_ index: Int) -> String? { index < parts.count && !parts[index].isEmpty ? parts[index] : nil }
    guard
        let catalog = try? EnvironmentCatalog(custom: [.init(name: "qa", inherits: "staging")])
    else { fuzzFinding("the fixed catalog does not build") }
    let settings = DetectionSettings(urlParameterAllowed: ["qa", "staging", "development"])
    let detector = EnvironmentDetector(settings: settings, catalog: catalog, environmentFile: part(4))
    let context = DetectionContext(
        explicit: part(0),
        environment: part(1).map { ["BERS_ENV": $0] } ?? [:],
        settings: settings,
        url: part(2),
        hostname: part(3)
    )
    let result = detector.detect(context)
    fuzzCheck(catalog.names.contains(result.environment.name), "detected \(result.environment.name)")
    fuzzCheck(detector.detect(context) == result, "the memo answers differently")
    fuzzCheck(detector.detectUncached(context) == result, "the memo and a fresh detection differ")
    if let hostname = part(3) {
        let normalized = HostnamePattern.normalize(hostname)
        fuzzCheck(HostnamePattern.normalize(normalized) == normalized, "normalizing \(hostname) twice changes it")
    }
    return 0
}
