import BERS
import BERSJSON
import Testing

/// Bad rules in `bers.json` are located `config.invalid-project-file` errors, found when the
/// project is loaded.
struct TenantRuleErrorTests {
    static let reference = #""from": "/a/*", "to": "/ids/{value}", "code": "acme.x""#
    static let requirement = #""each": "/a/*", "code": "acme.x""#

    /// A rule list, what the error must say, and where (`line:col` in `config/bers.json`).
    static let cases: [(section: String, message: String, place: String)] = [
        (#""references": {}"#, "expected an array of rules, found object", "1:28"),
        (#""references": ["x"]"#, "/tenants/references/0: expected an object", "1:29"),
        (#""references": [{"frm": "/a", "to": "/b", "code": "acme.x"}]"#, #"did you mean "from"?"#, "1:30"),
        (#""references": [{"to": "/b", "code": "acme.x"}]"#, #"missing "from""#, "1:29"),
        (#""references": [{"from": "a/b", "to": "/b", "code": "acme.x"}]"#, "must be empty or start with '/'", "1:38"),
        (#""references": [{"from": "", "to": "/b", "code": "acme.x"}]"#, "names a place inside the document", "1:38"),
        (#""references": [{"from": "/a*", "to": "/b", "code": "acme.x"}]"#, #""a*" is not supported"#, "1:38"),
        (#""references": [{"from": "/a/{value}", "to": "/b", "code": "acme.x"}]"#, "takes no placeholders", "1:38"),
        (#""references": [{"from": "/a/~2", "to": "/b", "code": "acme.x"}]"#, "'~' not followed by", "1:38"),
        (#""references": [{"from": "/a", "code": "acme.x"}]"#, #"missing "to""#, "1:29"),
        (#""references": [{"from": "/a", "to": [], "code": "acme.x"}]"#, "a non-empty array of pointers", "1:50"),
        (#""references": [{"from": "/a", "to": ["/b", 5], "code": "acme.x"}]"#, "expected a string", "1:57"),
        (#""references": [{"from": "/a", "to": "ids/{value}", "code": "acme.x"}]"#, "starting with \"/\"", "1:50"),
        (#""references": [{"from": "/a", "to": "/ids/{valeu}", "code": "acme.x"}]"#, "did you mean {value}?", "1:50"),
        (#""references": [{"from": "/a", "to": "/ids/{value", "code": "acme.x"}]"#, "is not closed", "1:50"),
        (#""references": [{"from": "/a", "to": "/ids/*x", "code": "acme.x"}]"#, #""*x" is not supported"#, "1:50"),
        (#""references": [{"from": "/a/*", "to": "/b/{2}", "code": "acme.x"}]"#, "the pattern has 1 wildcard", "1:52"),
        (#""references": [{"from": "/a", "to": "/b"}]"#, #"missing "code""#, "1:29"),
        (#""references": [{"from": "/a", "to": "/b", "code": "Unknown CTA"}]"#, "dot-separated lowercase", "1:64"),
        (#""references": [{"from": "/a", "to": "/b", "code": "tenant.schema"}]"#, "reported by BERS itself", "1:64"),
        (#""references": [{\#(reference), "message": "x}"}]"#, #""}" without "{""#, "1:97"),
        (#""references": [{\#(reference), "message": "{}"}]"#, "empty placeholder", "1:97"),
        (#""references": [{\#(reference), "message": "{field}"}]"#, "unknown placeholder {field}", "1:97"),
        (#""references": [{\#(reference), "since": "one.three"}]"#, #"a version such as "1.3""#, "1:95"),
        (#""references": [{\#(reference), "migration": "{value}"}]"#, "unknown placeholder {value}", "1:99"),
        (#""references": [{\#(reference), "when": {"a/b": 1}}]"#, "starting with \"/\"", "1:95"),
        (#""references": [{\#(reference), "when": {"/a/*": 1}}]"#, "a condition names one place", "1:95"),
        (#""references": [{\#(reference), "when": {"/a/{nope}": 1}}]"#, "unknown placeholder {nope}", "1:95"),
        (#""rules": [{"code": "acme.x"}]"#, #"a rule needs "each""#, "1:24"),
        (#""rules": [{"each": "/a", "keys": "/b/*", "code": "acme.x"}]"#, "not both", "1:24"),
        (#""rules": [{"from": "/a", "to": "/b", "code": "acme.x"}]"#, "belongs in tenants.references", "1:24"),
        (#""rules": [{\#(requirement)}]"#, #"missing "requires""#, "1:24"),
        (#""rules": [{\#(requirement), "requires": 5}]"#, "expected a field name or an object", "1:71"),
        (#""rules": [{\#(requirement), "requires": ""}]"#, "must not be empty", "1:71"),
        (#""rules": [{\#(requirement), "requires": {"a": "b"}}]"#, #"add "by""#, "1:71"),
        (#""rules": [{\#(requirement), "by": "kind", "requires": "b"}]"#, #""by" goes with"#, "1:65"),
        (#""rules": [{\#(requirement), "by": "kind", "requires": {}}]"#, "at least one value", "1:85"),
        (#""rules": [{\#(requirement), "by": "kind", "requires": {"a": 5}}]"#, "null (nothing needed)", "1:91"),
        (
            #""rules": [{\#(requirement), "by": "kind", "requires": {"a": {"fild": "x"}}}]"#, #"did you mean "field"?"#,
            "1:92"
        ),
        (
            #""rules": [{\#(requirement), "by": "kind", "requires": {"a": {"field": ""}}}]"#, "must not be empty",
            "1:101"
        ),
        (#""rules": [{\#(requirement), "requires": "p", "type": "text"}]"#, #"expected one of "string""#, "1:84"),
        (
            #""rules": [{\#(requirement), "requires": "p", "unknown": {"code": "acme.y"}}]"#,
            #""unknown" goes with "by""#, "1:87"
        ),
        (
            #""rules": [{\#(requirement), "by": "k", "requires": {"a": "b"}, "unknown": {"code": "acme.y", "text": "x"}}]"#,
            #"unknown key "text""#, "1:124"
        ),
        (
            #""rules": [{\#(requirement), "by": "k", "requires": {"a": "b"}, "unknown": {"message": "x"}}]"#,
            #"missing "code""#, "1:105"
        ),
        (#""rules": [{\#(requirement), "requires": "p", "message": "{by}"}]"#, "unknown placeholder {by}", "1:87"),
        (#""rules": [{"keys": "/a", "pattern": "^x$", "code": "acme.x"}]"#, #"end it with "/*""#, "1:33"),
        (#""rules": [{"keys": "/a/*", "code": "acme.x"}]"#, #"missing "pattern""#, "1:24"),
        (#""rules": [{"keys": "/a/*", "pattern": "([a-z", "code": "acme.x"}]"#, "invalid regular expression", "1:52"),
        (
            #""rules": [{"keys": "/a/*", "pattern": "x", "code": "acme.x", "message": "{value}"}]"#,
            "unknown placeholder {value}", "1:86"
        ),
    ]

    @Test(arguments: cases)
    func badRulesAreLocatedErrors(_ section: String, _ message: String, _ place: String) {
        let error = #expect(throws: ConfigError.self) {
            try makeProject(["bers.json": #"{"tenants": {"# + section + "}}"])
        }
        #expect(error?.code == .invalidProjectFile)
        #expect(error?.message.contains(message) == true, "\(error?.message ?? "no error")")
        #expect(error?.location?.description == "config/bers.json:" + place, "\(error?.message ?? "")")
    }

    @Test func rulesDeclaredWithoutAProjectFailTheSameWay() {
        let error = #expect(throws: ConfigError.self) {
            try TenantRules(document: try JSONParser().parse(#"{"rules": [{"keys": "/a"}]}"#, file: "rules.json"))
        }
        #expect(error?.code == .invalidProjectFile)
        #expect(error?.location?.description == "rules.json:1:21")
    }
}
