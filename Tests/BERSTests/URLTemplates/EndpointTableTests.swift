@testable import BERS
import BERSJSON
import Testing

struct EndpointTableInputsTests {
    func table() throws -> EndpointTable {
        let project = try makeProject([
            "default.json": #"""
            {"cdn": {"base": "https://cdn.example"}, "api": {"timeout": 1},
             "endpoints": {"asset": "{cdn.base}/a/{+path}", "health": "{endpoints.asset}/health"}}
            """#
        ])
        return try project.resolve(.production).endpoints()
    }

    @Test(arguments: ["/cdn/base", "/cdn", "", "/endpoints/asset", "/endpoints", "/cdn/base/x"])
    func changesAtInsideOrAboveAnInputAffectTheTable(_ pointer: String) throws {
        #expect(!(try table().isUnaffected(byChangesAt: [try JSONPointer(parsing: pointer)])))
    }

    @Test(arguments: ["/api/timeout", "/api", "/cdnx", "/other"])
    func changesElsewhereDoNot(_ pointer: String) throws {
        #expect(try table().isUnaffected(byChangesAt: [try JSONPointer(parsing: pointer)]))
    }
}
