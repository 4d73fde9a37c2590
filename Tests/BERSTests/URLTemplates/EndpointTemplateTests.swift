import BERS
import BERSJSON
import Testing

struct EndpointTemplateTests {
    func table(
        _ endpoints: String,
        config: String = #"{"api": {"base": "https://x.example/api", "q": "https://x.example/api?v=1", "n": 3}}"#
    ) throws(ConfigError) -> EndpointTable {
        var merged = json(config).objectValue ?? [:]
        merged["endpoints"] = json(endpoints)
        return try makeProject(["default.json": JSONValue.object(merged).jsonText]).resolve(.production).endpoints()
    }

    @Test func firstParameterStartsTheQueryWhenTheBaseHasNone() throws {
        let endpoints = try table(
            #"{"e": "{api.base}&t={tenant}", "f": "{api.q}&t={tenant}", "g": "{api.q}?t={tenant}"}"#
        )
        #expect(try endpoints.url("e", ["tenant": "h"]) == "https://x.example/api?t=h")
        #expect(try endpoints.url("f", ["tenant": "h"]) == "https://x.example/api?v=1&t=h")
        #expect(try endpoints.url("g", ["tenant": "h"]) == "https://x.example/api?v=1&t=h")
    }

    @Test func duplicateSlashesAreRemovedFromThePathOnly() throws {
        let endpoints = try table(#"{"a": "{api.base}//x//y?u=http://z//w", "b": "{api.base}/{+p}"}"#)
        #expect(try endpoints.url("a") == "https://x.example/api/x/y?u=http://z//w")
        #expect(try endpoints.url("b", ["p": "/deep//path/"]) == "https://x.example/api/deep/path/")
    }

    @Test func configValuesInPathAndQueryAreEncoded() throws {
        let endpoints = try table(#"{"a": "{api.base}/{api.n}/{/api/base}?n={api.n}"}"#)
        #expect(try endpoints.url("a") == "https://x.example/api/3/https%3A%2F%2Fx.example%2Fapi?n=3")
    }

    @Test func optionalParametersDropTheirQueryItem() throws {
        let endpoints = try table(#"{"a": "{api.base}?t={tenant}&page={page?}#{anchor?}"}"#)
        #expect(try endpoints.url("a", ["tenant": "x"]) == "https://x.example/api?t=x")
        #expect(
            try endpoints.url("a", ["tenant": "x", "page": "2", "anchor": "top"])
                == "https://x.example/api?t=x&page=2#top"
        )
        #expect(endpoints.endpoint("a")?.optionalParameters == ["page", "anchor"])
    }

    @Test func nonASCIIValuesArePercentEncodedAsUTF8() throws {
        let endpoints = try table(#"{"a": "{api.base}?q={q}"}"#)
        #expect(try endpoints.url("a", ["q": "café ü"]) == "https://x.example/api?q=caf%C3%A9%20%C3%BC")
    }

    @Test func referenceToAMissingValueIsAnError() {
        let error = #expect(throws: ConfigError.self) { try table(#"{"a": "{api.nope}/x"}"#) }
        #expect(error?.code == .invalidTemplate)
        #expect(error?.message == "endpoint \"a\": \"{api.nope}\" names no value in the configuration")
        #expect(error?.location?.file == "config/default.json")
    }

    @Test func endpointCyclesAreErrors() {
        let error = #expect(throws: ConfigError.self) { try table(#"{"a": "{endpoints.b}", "b": "{endpoints.a}"}"#) }
        #expect(error?.code == .invalidTemplate)
        #expect(error?.message.contains("cycle") == true)
    }

    @Test(arguments: ["{api.base", "{}", "x}", "{bad name}", "{+}"])
    func malformedTemplatesAreErrors(_ template: String) {
        let error = #expect(throws: ConfigError.self) { try table("{\"a\": \(JSONValue.string(template).jsonText)}") }
        #expect(error?.code == .invalidTemplate)
    }

    @Test func pathAfterABaseWithAQueryIsAnError() {
        let error = #expect(throws: ConfigError.self) { try table(#"{"a": "{api.q}/more"}"#) }
        #expect(error?.code == .invalidTemplate)
    }

    @Test func containerReferenceIsAnError() {
        let error = #expect(throws: ConfigError.self) { try table(#"{"a": "{api.base}/{/api}"}"#) }
        #expect(error?.message.contains("is object") == true)
    }

    @Test func noEndpointsSectionGivesAnEmptyTable() throws {
        let config = try makeProject(["default.json": "{}"]).resolve(.production)
        #expect(try config.endpoints().endpoints.isEmpty)
    }
}

struct EndpointSafetyTests {
    func table(_ endpoints: String) throws(ConfigError) -> EndpointTable {
        try makeProject(["default.json": #"{"c": {"base": "https://x.example/api"}, "endpoints": "# + endpoints + "}"])
            .resolve(.production).endpoints()
    }

    @Test(arguments: [(".", "%2E"), ("..", "%2E%2E"), ("...", "..."), ("a.b", "a.b")])
    func dotSegmentsInPlainParametersCannotMoveThePath(_ value: String, _ encoded: String) throws {
        let endpoints = try table(#"{"a": "{c.base}/tenants/{t}/logo.png"}"#)
        #expect(try endpoints.url("a", ["t": value]) == "https://x.example/api/tenants/\(encoded)/logo.png")
    }

    @Test func subPathParametersRefuseDotDotInTheQueryToo() throws {
        let endpoints = try table(#"{"a": "{c.base}?file={+p}"}"#)
        let error = #expect(throws: ConfigError.self) { try endpoints.url("a", ["p": "x/../y"]) }
        #expect(error?.code == .invalidURL)
        #expect(try endpoints.url("a", ["p": "x/y"]) == "https://x.example/api?file=x/y")
    }

    @Test func missingOptionalPathParameterLeavesNoDoubleSlash() throws {
        let endpoints = try table(#"{"a": "{c.base}/x/{opt?}/y"}"#)
        #expect(try endpoints.url("a") == "https://x.example/api/x/y")
        #expect(try endpoints.url("a", ["opt": "m"]) == "https://x.example/api/x/m/y")
    }

    @Test func anotherEndpointMayOnlyBeTheBase() {
        let error = #expect(throws: ConfigError.self) {
            try table(#"{"a": "{c.base}", "b": "{c.base}/{endpoints.a}"}"#)
        }
        #expect(error?.code == .invalidTemplate)
        #expect(error?.message.contains("may only start a template") == true)
    }
}
