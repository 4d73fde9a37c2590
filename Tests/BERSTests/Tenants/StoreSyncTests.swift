import BERS
import BERSTestSupport
import Testing

struct StoreSyncTests {
    private func objects(_ store: ScriptedTenantStore) async throws -> [String: [UInt8]] {
        var found: [String: [UInt8]] = [:]
        for family in StoreSync.families {
            for key in try await store.list(prefix: family) {
                if case .found(let object) = try await store.get(key) { found[key] = object.bytes }
            }
        }
        return found
    }

    @Test func copiesTheLayoutAndVerifiesEachCopy() async throws {
        let source = storeWithOneTenant()
        source.set("config/default.json", #"{"api": {}}"#)
        source.set("unrelated/file.json", "{}")
        let target = ScriptedTenantStore()
        let outcome = try await StoreSync(from: source, to: target).run()
        #expect(outcome.failed.isEmpty)
        #expect(outcome.copied.count == 3)
        #expect(try await objects(target) == objects(source))
        #expect(try await target.list(prefix: "unrelated/").isEmpty)
        let again = try await StoreSync(from: source, to: target).run()
        #expect(again.copied.isEmpty)
        #expect(again.unchanged.count == 3)
    }

    @Test func aDryRunWritesNothing() async throws {
        let target = ScriptedTenantStore()
        let outcome = try await StoreSync(from: storeWithOneTenant(), to: target).run(dryRun: true)
        #expect(outcome.copied.count == 2)
        #expect(try await target.list(prefix: "").isEmpty)
    }

    @Test func aFailedCopyIsReportedAndTheOthersGoOn() async throws {
        let target = ScriptedTenantStore()
        target.fail(with: TenantError(.storeUnavailable, "down"))
        let outcome = try await StoreSync(from: storeWithOneTenant(), to: target).run()
        #expect(outcome.failed.count == 2)
        #expect(outcome.failed.allSatisfy { $0.error.code == .storeUnavailable })
    }

    @Test func aConfigDirectoryIsCopiedWithoutMachineLocalLayers() async throws {
        let files = InMemoryFileSystem([
            "config/bers.json": "{}", "config/default.json": "{}", "config/local.json": "{}",
            "config/staging.local.yaml": "a: 1", "config/.bers-env": "staging", "config/schemas/s.json": "{}",
        ])
        let target = ScriptedTenantStore()
        let outcome = try await StoreSync(from: target, to: target)
            .copyConfiguration(directory: "config", fileSystem: files)
        #expect(outcome.copied == ["config/bers.json", "config/default.json", "config/schemas/s.json"])
    }

    @Test func aMissingConfigDirectoryIsAnError() async {
        let target = ScriptedTenantStore()
        await #expect(throws: ConfigError.self) {
            _ = try await StoreSync(from: target, to: target)
                .copyConfiguration(
                    directory: "nowhere",
                    fileSystem: InMemoryFileSystem()
                )
        }
    }
}
