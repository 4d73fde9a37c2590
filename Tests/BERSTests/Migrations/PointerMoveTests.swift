@testable import BERS
import BERSJSON
import BERSTestSupport
import Testing

/// A problem the input already had stays pre-existing when a step moves the value that has it
/// (the 1.4.1 chips move from array indexes to slug keys): the baseline follows the moves.
@Suite struct PointerMoveTests {
    @Test func aPointerFollowsTheMovesOfEachStepInOrder() {
        let chips: JSONPointer = "/action_chips/default_chips"
        let toMap = [
            PointerMove(from: chips.appending(index: 0), to: chips.appending("volunteer")),
            PointerMove(from: chips.appending(index: 2), to: chips.appending("donate")),
        ]
        let renamed = [PointerMove(from: chips.appending("donate"), to: chips.appending("give"))]
        #expect(
            PointerMove.follow("/action_chips/default_chips/2/target_branch", through: [toMap])
                == "/action_chips/default_chips/donate/target_branch"
        )
        #expect(
            PointerMove.follow("/action_chips/default_chips/2", through: [toMap, renamed])
                == "/action_chips/default_chips/give"
        )
        // Not under a move (and not a prefix by characters): unchanged.
        #expect(
            PointerMove.follow("/action_chips/default_chips/20/label", through: [toMap])
                == "/action_chips/default_chips/20/label"
        )
        #expect(PointerMove.follow("/chat_title", through: [toMap, renamed]) == "/chat_title")
    }

    /// A 1.4 document whose donate chip already targets a branch that does not exist.
    private func brokenOneFour() throws -> (JSONDocument, TenantMigrator)? {
        guard let fixture = try MigrationFixture.picassoTenant("MYR384719-config.json") else { return nil }
        let migrator = try MigrationFixture.picassoMigrator()
        var value = try migrator.migrate(fixture, to: "1.4", now: MigrationFixture.now).migrated
        let chips = try #require(value[pointer: "/action_chips/default_chips"]?.arrayValue)
        let donate = try #require(chips.firstIndex { $0["label"]?.stringValue?.contains("Donate") == true })
        let target = JSONPointer(tokens: ["action_chips", "default_chips", String(donate), "target_branch"])
        let set = value.setValue("nowhere", at: target)
        #expect(set)
        return (JSONDocument(value: value, file: "MYR384719-config.json"), migrator)
    }

    @Test(.enabled(if: SharedFixtures.isAvailable, SharedFixtures.skipReason))
    func aChipsBrokenTargetIsPreExistingAfterTheChipsBecomeAMap() throws {
        let (document, migrator) = try #require(try brokenOneFour())
        let result = try migrator.migrate(document, to: "1.4.1", now: MigrationFixture.now)
        #expect(result.introduced.isEmpty, "\(result.introduced)")
        let blocked = result.isBlocked
        #expect(!blocked)
        let branch = result.preExisting.filter { $0.code == .unknownBranch }
        #expect(branch.map(\.pointer.description) == ["/action_chips/default_chips/donate/target_branch"])
        #expect(result.migrated[pointer: "/action_chips/default_chips/donate/target_branch"] == "nowhere")
    }
}
