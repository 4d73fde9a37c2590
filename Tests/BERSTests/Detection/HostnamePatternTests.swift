import BERS
import Testing

struct HostnamePatternTests {
    @Test func exactRuleMatchesOnlyTheWholeName() throws {
        let pattern = try HostnamePattern("chat.example.com")
        #expect(pattern.kind == .exact)
        #expect(pattern.matches("chat.example.com"))
        #expect(pattern.matches("CHAT.Example.com."))
        #expect(pattern.matches("chat.example.com:8443"))
        #expect(!pattern.matches("chat.example.com.evil.net"))
        #expect(!pattern.matches("xchat.example.com"))
        #expect(!pattern.matches("a.chat.example.com"))
    }

    @Test func suffixRuleMatchesWholeLabelsNeverSubstrings() throws {
        let pattern = try HostnamePattern("*.example.com")
        #expect(pattern.kind == .suffix)
        #expect(pattern.matches("chat.example.com"))
        #expect(pattern.matches("a.b.example.com"))
        #expect(!pattern.matches("example.com"))
        #expect(!pattern.matches("chat.example.com.evil.net"))
        #expect(!pattern.matches("badexample.com"))
        #expect(!pattern.matches("example.com.evil"))
    }

    @Test func numericPrefixMatchesOnlyIPv4Addresses() throws {
        let pattern = try HostnamePattern("192.168.*")
        #expect(pattern.kind == .prefix)
        #expect(pattern.matches("192.168.1.20"))
        #expect(!pattern.matches("192.168.evil.com"))
        #expect(!pattern.matches("192.168.1.300"))
        #expect(!pattern.matches("10.192.168.1"))
        #expect(!pattern.matches("192.168"))
    }

    @Test func namePrefixMatchesLeadingLabels() throws {
        let pattern = try HostnamePattern("dev.*")
        #expect(pattern.matches("dev.internal"))
        #expect(!pattern.matches("devices.example.com"))
    }

    @Test(arguments: ["", "a..b", "*", "chat.*.com", "ch*t.example.com", "*.*.com"])
    func malformedRulesAreRejected(_ text: String) {
        let error = #expect(throws: ConfigError.self) { try HostnamePattern(text) }
        #expect(error?.code == .invalidProjectFile)
    }

    @Test func mostSpecificRuleWinsAcrossEnvironments() throws {
        let rules = HostnameRules(rules: [
            .init(environment: "production", pattern: try HostnamePattern("*.myrecruiter.ai")),
            .init(environment: "staging", pattern: try HostnamePattern("*.staging.myrecruiter.ai")),
            .init(environment: "development", pattern: try HostnamePattern("dev.staging.myrecruiter.ai")),
        ])
        #expect(
            rules.match("chat.myrecruiter.ai")
                == .matched(environment: "production", pattern: try HostnamePattern("*.myrecruiter.ai"))
        )
        #expect(
            rules.match("x.staging.myrecruiter.ai")
                == .matched(environment: "staging", pattern: try HostnamePattern("*.staging.myrecruiter.ai"))
        )
        #expect(
            rules.match("dev.staging.myrecruiter.ai")
                == .matched(environment: "development", pattern: try HostnamePattern("dev.staging.myrecruiter.ai"))
        )
        #expect(rules.match("example.org") == .none)
    }

    @Test func equallySpecificRulesOfTwoEnvironmentsAreAmbiguous() throws {
        let rules = HostnameRules(rules: [
            .init(environment: "staging", pattern: try HostnamePattern("*.example.com")),
            .init(environment: "production", pattern: try HostnamePattern("*.example.com")),
        ])
        guard case .ambiguous(let environments, _) = rules.match("a.example.com") else {
            Issue.record("expected an ambiguous match")
            return
        }
        #expect(environments == ["staging", "production"])
    }

    @Test func aMoreSpecificRuleAfterATieDecides() throws {
        let rules = HostnameRules(rules: [
            .init(environment: "staging", pattern: try HostnamePattern("*.example.com")),
            .init(environment: "production", pattern: try HostnamePattern("*.example.com")),
            .init(environment: "development", pattern: try HostnamePattern("*.dev.example.com")),
        ])
        #expect(
            rules.match("a.dev.example.com")
                == .matched(environment: "development", pattern: try HostnamePattern("*.dev.example.com"))
        )
    }

    @Test func equallySpecificRulesOfOneEnvironmentAreNotAmbiguous() throws {
        let rules = HostnameRules(rules: [
            .init(environment: "staging", pattern: try HostnamePattern("*.example.com")),
            .init(environment: "staging", pattern: try HostnamePattern("api.*")),
            .init(environment: "production", pattern: try HostnamePattern("*.other.com")),
        ])
        #expect(
            rules.match("api.example.com")
                == .matched(environment: "staging", pattern: try HostnamePattern("*.example.com"))
        )
    }

    @Test func ambiguityListsEachEnvironmentOnceAndEveryTiedPattern() throws {
        let rules = HostnameRules(rules: [
            .init(environment: "staging", pattern: try HostnamePattern("*.example.com")),
            .init(environment: "production", pattern: try HostnamePattern("api.example.*")),
            .init(environment: "staging", pattern: try HostnamePattern("*.com")),
            .init(environment: "staging", pattern: try HostnamePattern("api.example.*")),
        ])
        let tied = [
            try HostnamePattern("*.example.com"), try HostnamePattern("api.example.*"),
            try HostnamePattern("api.example.*"),
        ]
        #expect(rules.match("api.example.com") == .ambiguous(environments: ["staging", "production"], patterns: tied))
    }
}

struct HostnameNormalizationTests {
    @Test func unicodeLookalikesNeverMatch() throws {
        let rules = HostnameRules(rules: [
            .init(environment: "production", pattern: try HostnamePattern("*.kiwi.example"))
        ])
        #expect(rules.match("x.\u{212A}iwi.example") == .none)
        #expect(rules.match("X.KIWI.example") != .none)
    }

    @Test(arguments: ["192.168.01.1", "192.168.1.010", "192.168.1.256", "192.168.1.1.1"])
    func malformedIPv4AddressesDoNotMatchPrefixes(_ host: String) throws {
        #expect(!(try HostnamePattern("192.168.*").matches(host)))
    }

    @Test(arguments: [
        ("Chat.Example.COM", "chat.example.com"), ("chat.example.com.", "chat.example.com"),
        ("chat.example.com:8443", "chat.example.com"), ("CHAT.example.com.:443", "chat.example.com"),
        ("localhost:", "localhost"), ("host:80x", "host:80x"), ("[::1]:8080", "[::1]:8080"),
        ("[::1].", "[::1]"), (".", ""), ("", ""), ("a..b", "a..b"),
    ])
    func asciiHostnamesAreNormalizedBytewise(_ host: String, _ expected: String) {
        #expect(HostnamePattern.normalize(host) == expected)
    }

    /// Fuzzing finding O2: `":3:"` gave `":3"`, which gave `""`.
    @Test(arguments: [
        (":3:", ":3:"), ("A:1:2", "a:1:2"), ("x:1.", "x:1."), ("a..", "a.."), ("a..:80", "a.."),
        ("a.:80", "a"), (":", ""), (":80", ""), ("\u{E9}:3:", "\u{E9}:3:"), ("\u{E9}..", "\u{E9}.."),
        ("\u{E9}.:80", "\u{E9}"),
    ])
    func normalizingTwiceGivesTheSameHost(_ host: String, _ expected: String) {
        let normalized = HostnamePattern.normalize(host)
        #expect(normalized == expected)
        #expect(HostnamePattern.normalize(normalized) == normalized)
    }

    @Test func nonASCIIHostnamesAreNormalizedByCharacters() {
        // A combining mark makes ".\u{301}" one character that is not ".": no dot is dropped.
        #expect(HostnamePattern.normalize("Caf\u{E9}.example.\u{301}") == "caf\u{E9}.example.\u{301}")
        #expect(HostnamePattern.normalize("Caf\u{E9}.example.:443") == "caf\u{E9}.example")
        #expect(HostnamePattern.normalize("\u{212A}.example") == "\u{212A}.example")
    }
}
