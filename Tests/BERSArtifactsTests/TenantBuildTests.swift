import BERS
import BERSArtifacts
import BERSJSON
import BERSTestSupport
import Foundation
import Testing

/// `--tenant` builds apply the tenant's allowed overrides and record the tenant as an input.
struct TenantBuildTests {
    static let store = FileSystemTenantStore(
        root: URL(fileURLWithPath: picassoDirectory).deletingLastPathComponent().appendingPathComponent("tenants").path
    )

    @Test func allowedOverridesApplyAndTheTenantIsAnInput() async throws {
        let hash = try TenantHash("de113d6b3e07e5")
        let builder = try Fixtures.picassoBuilder(
            options: BuildOptions(bersVersion: "test", tenant: hash, tenantStore: Self.store)
        )
        let input = try await builder.prepare(.staging, reason: .explicit)
        #expect(try input.configuration.int("api.timeout") == 9000)
        #expect(try input.configuration.bool("features.streamingEnabled") == false)
        #expect(input.inputs.last?.role == .tenant)
        #expect(input.inputs.last?.name == "tenants/DEMO300003/DEMO300003-config.json")
        let metadata = try JSONParser().parse(try builder.render(.metadata, input), file: "config.meta.json").value
        #expect(metadata["tenant"] == "de113d6b3e07e5")
        let plain = try await Fixtures.picassoBuilder().prepare(.staging, reason: .explicit)
        #expect(plain.inputsHash != input.inputsHash)
    }

    @Test func anUnknownTenantBuildsNothing() async throws {
        let hash = try TenantHash("ab0000000000ff")
        let builder = try Fixtures.picassoBuilder(
            options: BuildOptions(bersVersion: "test", tenant: hash, tenantStore: Self.store)
        )
        let error = await #expect(throws: BuildError.self) {
            _ = try await builder.prepare(.staging, reason: .explicit)
        }
        #expect(error?.code == .tenantFailed)
        #expect(error?.message.hasPrefix("tenant ab0000000000ff: ") == true)
        #expect(error?.message.hasSuffix("nothing was built") == true)
    }

    @Test func anUnknownTenantBuildsNothingWithoutAFallbackEither() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("default.json", #"{"api": {"timeout": 1}}"#)
        let builder = try ArtifactBuilder(
            project: try ConfigProject(directory: directory.path),
            options: BuildOptions(
                bersVersion: "test",
                tenant: try TenantHash("ab0000000000ff"),
                tenantStore: Self.store
            )
        )
        let error = await #expect(throws: BuildError.self) {
            _ = try await builder.prepare(.staging, reason: .explicit)
        }
        #expect(error?.code == .tenantFailed)
        #expect(error?.message.hasPrefix("tenant ab0000000000ff: ") == true)
        #expect(error?.message.hasSuffix("nothing was built") == true)
    }
}
