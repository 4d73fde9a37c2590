import BERSSchema
import Testing

/// Behaviour of each ``FormatChecker`` check, valid and invalid inputs side by side.
struct FormatCheckerTests {
    static let cases: [(String, String, Bool)] = [
        // date
        ("date", "2024-02-29", true), ("date", "2023-02-29", false), ("date", "2000-02-29", true),
        ("date", "1900-02-29", false), ("date", "2024-04-31", false), ("date", "2024-13-01", false),
        ("date", "2024-00-10", false), ("date", "2024-1-01", false), ("date", "2024-01-01T", false),
        // time
        ("time", "23:59:60Z", true), ("time", "00:00:00z", true), ("time", "12:00:00.5+05:30", true),
        ("time", "12:00:00.+05:30", false), ("time", "12:00:00", false), ("time", "12:00:00+0530", false),
        ("time", "23:59:60+00:01", false), ("time", "00:00:60+00:01", true),
        // date-time
        ("date-time", "2024-02-29t23:59:60z", true), ("date-time", "2024-02-29 12:00:00Z", false),
        ("date-time", "2024-02-30T12:00:00Z", false), ("date-time", "2024-02-29T12:00:00", false),
        // duration
        ("duration", "P1Y2M3DT4H5M6S", true), ("duration", "PT0S", true), ("duration", "P3W", true),
        ("duration", "P", false), ("duration", "PT", false), ("duration", "P1Y2D", false),
        ("duration", "P1W2D", false), ("duration", "PT1H2S", false), ("duration", "P1DT", false),
        ("duration", "P1.5D", false),
        // email
        ("email", "a@b.c", true), ("email", "\"a b\"@example.com", true), ("email", "\"a\\\"b\"@example.com", true),
        ("email", "a@[IPv6:2001:db8::1]", true), ("email", "a@[300.1.1.1]", false),
        ("email", "a..b@example.com", false),
        ("email", "a@example..com", false), ("email", "a@-example.com", false), ("email", "é@example.com", false),
        ("email", "\"unterminated@example.com", false), ("email", "a@", false), ("email", "a", false),
        // idn-email
        ("idn-email", "é@example.com", true), ("idn-email", "用户@例子.广告", true), ("idn-email", "a@b@c", false),
        // hostname
        ("hostname", "example.com", true), ("hostname", "EXAMPLE.COM", true), ("hostname", "a", true),
        ("hostname", "xn--nw2a.xn--j6w193g", true), ("hostname", "xn--bcher-kva.example", true),
        ("hostname", "xn--Bcher-kva.example", true), ("hostname", "xn--abc", false),
        ("hostname", "a_b.com", false), ("hostname", "a.b.", false), ("hostname", "exa mple.com", false),
        ("hostname", String(repeating: "a.", count: 126) + "a", true),
        ("hostname", String(repeating: "a.", count: 127) + "a", false),
        // idn-hostname
        ("idn-hostname", "bücher.example", true), ("idn-hostname", "Bücher.example", true),
        ("idn-hostname", "ÄBC.example", false), ("idn-hostname", "a\u{00B7}l", false),
        ("idn-hostname", "l\u{00B7}l", true),
        ("idn-hostname", "مثال.إختبار", true), ("idn-hostname", "a\u{200D}b", false), ("idn-hostname", "😀.com", false),
        // ipv4
        ("ipv4", "0.0.0.0", true), ("ipv4", "255.255.255.255", true), ("ipv4", "256.0.0.0", false),
        ("ipv4", "01.0.0.0", false), ("ipv4", "1.2.3", false), ("ipv4", "1.2.3.4.", false),
        ("ipv4", "1.2.3.4\n", false),
        ("ipv4", "1234.1.1.1", false),
        // ipv6
        ("ipv6", "::", true), ("ipv6", "::1", true), ("ipv6", "1::", true), ("ipv6", "1:2:3:4:5:6:7:8", true),
        ("ipv6", "1:2:3:4:5:6:7::", true), ("ipv6", "::2:3:4:5:6:7:8", true), ("ipv6", "1:2:3:4:5:6:1.2.3.4", true),
        ("ipv6", "::1.2.3.4", true), ("ipv6", "1:2:3:4:5:6:7:8:9", false), ("ipv6", "1::2::3", false),
        ("ipv6", ":1::", false), ("ipv6", "1.2.3.4::", false), ("ipv6", "::1.2.3.4:1", false),
        ("ipv6", "fe80::1%lo", false),
        ("ipv6", "12345::", false), ("ipv6", "", false),
        // uri / uri-reference / iri / iri-reference
        ("uri", "https://user:pw@example.com:8080/p/a/t/h?query=1&x#frag", true), ("uri", "urn:isbn:0451450523", true),
        ("uri", "http://[v7.fe80::1]/", true), ("uri", "http://[vz.x]/", false), ("uri", "http://[::1]:80/", true),
        ("uri", "http://[::1]x/", false), ("uri", "http://a:b:c/", false), ("uri", "http://ex%41mple.com/", true),
        ("uri", "http://example.com/ä", false), ("uri", "a:", true), ("uri", "", false),
        ("uri-reference", "", true), ("uri-reference", "../a/b", true), ("uri-reference", "a:b:c", true),
        ("uri-reference", "%zz", false), ("uri-reference", "#a#b", false), ("uri-reference", "?a?b/c", true),
        ("iri", "http://例子.测试/路径?查询#片段", true), ("iri", "http://example.com/\u{FFFE}", false),
        ("iri", "http://example.com/?\u{E000}", true), ("iri", "http://example.com/\u{E000}", false),
        ("iri-reference", "/路径", true), ("iri-reference", "例:子", false), ("iri-reference", "./例:子", true),
        ("iri-reference", "a b", false),
        // uuid
        ("uuid", "2EB8AA08-AA98-11EA-B4AA-73B441D16380", true), ("uuid", "2eb8aa08-aa98-11ea-b4aa-73b441d16380", true),
        ("uuid", "2eb8aa08aa9811eab4aa73b441d16380", false), ("uuid", "2eb8aa08-aa98-11ea-b4aa-73b441d1638g", false),
        // uri-template
        ("uri-template", "/users/{id}{?fields*,limit:10}", true), ("uri-template", "{", false),
        ("uri-template", "{=x}", false), ("uri-template", "{x.}", false), ("uri-template", "%4", false),
        // json-pointer / relative-json-pointer
        ("json-pointer", "", true), ("json-pointer", "/", true), ("json-pointer", "/a~0b~1c", true),
        ("json-pointer", "a", false), ("json-pointer", "/~", false), ("json-pointer", "/~2", false),
        ("relative-json-pointer", "0", true), ("relative-json-pointer", "3/a", true),
        ("relative-json-pointer", "2#", true),
        ("relative-json-pointer", "#", false), ("relative-json-pointer", "00", false),
        // regex
        ("regex", "^[a-z]+$", true), ("regex", "(?<n>a)\\k<n>", true), ("regex", "[", false),
        ("regex", "\\p{Foo}", false),
        ("regex", "a{1000000}", true),
    ]

    @Test(arguments: cases)
    func checksFormat(_ row: (String, String, Bool)) throws {
        let check = try #require(FormatChecker.checker(for: row.0))
        #expect(check(row.1) == row.2, "\(row.0): \(row.1.debugDescription)")
    }

    @Test func everyKnownFormatHasAChecker() {
        for format in FormatChecker.knownFormats {
            #expect(FormatChecker.checker(for: format) != nil, "\(format)")
            for draft in FormatChecker.Draft.allCases where draft != .draft3 {
                #expect(FormatChecker.checker(for: format, draft: draft) != nil, "\(format) \(draft)")
            }
        }
    }

    @Test func unknownFormatsHaveNoChecker() {
        #expect(FormatChecker.checker(for: "x-custom") == nil)
        #expect(FormatChecker.checker(for: "color") == nil)
        #expect(FormatChecker.checker(for: "duration", draft: .draft3) == nil)
    }

    @Test func draft3HasItsOwnFormats() throws {
        let time = try #require(FormatChecker.checker(for: "time", draft: .draft3))
        #expect(time("08:30:06"))
        #expect(!time("08:30:06Z"))
        let latestTime = try #require(FormatChecker.checker(for: "time"))
        #expect(latestTime("08:30:06Z"))
        let color = try #require(FormatChecker.checker(for: "color", draft: .draft3))
        #expect(color("#fff") && color("#A0B1C2") && color("Teal"))
        #expect(!color("#ffff") && !color("puce"))
        let hostName = try #require(FormatChecker.checker(for: "host-name", draft: .draft3))
        #expect(hostName("example.com"))
        let ipAddress = try #require(FormatChecker.checker(for: "ip-address", draft: .draft3))
        #expect(ipAddress("10.0.0.1"))
        #expect(FormatChecker.Draft.latest == .draft2020_12)
    }
}
