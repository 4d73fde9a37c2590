import BERSArtifacts
import BERSCLI
import Testing

/// Artifacts written by the SwiftPM plugin's tool carry the same version as `bers --version`.
struct VersionTests {
    @Test func thePluginToolStampsTheCLIVersion() {
        #expect(BuildOptions.currentBERSVersion == BERSVersion.current)
    }
}
