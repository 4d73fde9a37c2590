@testable import BERSArtifacts
import BERS
import BERSJSON
import Testing

/// URL plans render exactly as the core endpoint table does (they are verified on creation).
struct URLPlanTests {
    static let config = #"""
        {
          "api": {"base": "https://api.example.com/v1/", "withQuery": "https://q.example.com/p?x=1#frag", "port": 8443},
          "endpoints": {
            "plain": "{api.base}items/{id}",
            "optional": "{api.base}search?q={q}&page={page?}",
            "subPath": "{api.base}/files/{+path}?v={version?}",
            "baseQuery": "{api.withQuery}&t={tenant}",
            "fragment": "https://x.example/{a}#{b?}",
            "queryPath": "https://x.example/?p={+path}",
            "number": "https://x.example:{api.port}/{id}",
            "requires": {"template": "{api.base}", "requires": ["tenant"]}
          }
        }
        """#

    @Test(arguments: ["plain", "optional", "subPath", "baseQuery", "fragment", "queryPath", "number", "requires"])
    func plansAgreeWithTheCore(name: String) async throws {
        let (directory, project) = try Fixtures.project(["default.json": Self.config])
        defer { directory.remove() }
        let configuration = try project.resolve(.production)
        let endpoint = try #require(try configuration.endpoints().endpoint(name))
        let plan = try URLPlan(endpoint: endpoint)
        for values in [
            ["id": "a b", "q": "x&y", "path": "a//b", "tenant": "t1", "a": "1", "b": "2"],
            ["id": "1", "q": "z", "path": "p", "tenant": "t", "a": "x"],
        ] {
            let relevant = values.filter { plan.parameters.contains($0.key) }
            #expect(plan.render(relevant) == .success(try endpoint.url(relevant)))
        }
    }

    @Test func subPathsAreCheckedWhereverTheyLand() async throws {
        let (directory, project) = try Fixtures.project(["default.json": Self.config])
        defer { directory.remove() }
        let configuration = try project.resolve(.production)
        let endpoints = try configuration.endpoints()
        let queryPath = try URLPlan(endpoint: try #require(endpoints.endpoint("queryPath")))
        #expect(queryPath.subPathParameters == ["path"])
        #expect(queryPath.render(["path": "a/../b"]) == .failure(.dotDot("path")))
        let subPath = try URLPlan(endpoint: try #require(endpoints.endpoint("subPath")))
        #expect(subPath.render(["path": "a/../b"]) == .failure(.dotDot("path")))
        // A `/` followed by a combining mark is one Character; the `..` before it is still a segment.
        #expect(subPath.render(["path": "../\u{301}x"]) == .failure(.dotDot("path")))
        #expect(queryPath.render(["path": "a/..//\u{301}"]) == .failure(.dotDot("path")))
        #expect(subPath.render([:]) == .failure(.missing("path")))
    }
}
