import BERS
import BERSArtifacts
import Testing

/// The version is written once (`BERSVersion.current`); builds stamp it unless told otherwise.
struct VersionTests {
    @Test func buildsStampTheVersionByDefault() {
        #expect(BuildOptions().bersVersion == BERSVersion.current)
    }

    @Test func theVersionIsSemantic() {
        let parts = BERSVersion.current.split(separator: ".")
        #expect(parts.count == 3 && parts.allSatisfy { Int($0) != nil })
    }
}
