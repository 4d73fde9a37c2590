import BERSTestSupport
import Foundation
import Testing

/// The `bers-configuration-example` binary SwiftPM built beside `bers`, if it was built.
enum ConfigurationExampleBinary {
    static let tool: ExternalTool? = ExternalTool.bers.flatMap { bers in
        let url = bers.url.deletingLastPathComponent().appendingPathComponent("bers-configuration-example")
        return FileManager.default.isExecutableFile(atPath: url.path) ? ExternalTool(url: url) : nil
    }
}

/// `bers-configuration-example` as a user runs it: what BERS ignored is said on standard error.
@Suite(.enabled(if: ConfigurationExampleBinary.tool != nil, "bers-configuration-example was not built"))
struct ConfigurationExampleTests {
    static var example: ExternalTool? { ConfigurationExampleBinary.tool }

    @Test func aMisspelledBersEnvIsAWarningNamingWhatWasUsedInstead() throws {
        let example = try #require(Self.example)
        let result = try example.run([], environment: ["BERS_ENV": "developmnt"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("BERSConfigProvider[production]"))
        #expect(
            result.stderr
                == "warning: env-variable BERS_ENV=developmnt ignored: unknown environment \"developmnt\" (known: development, staging, production; did you mean development?); using production from default-fallback\n"
        )
    }

    @Test func aMisspelledOverrideVariableIsAWarningWithADidYouMean() throws {
        let example = try #require(Self.example)
        let result = try example.run(["--env", "staging"], environment: ["BERS__API__TIMOUT": "1"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stderr
                == "warning: BERS__API__TIMOUT matches no configuration key (api.timout); did you mean BERS__API__TIMEOUT (api.timeout)?; ignored\n"
        )
    }
}
