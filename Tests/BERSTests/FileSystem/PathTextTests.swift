import BERS
import BERSTestSupport
import Foundation
import Testing

struct PathTextTests {
    @Test(arguments: [
        ("config/../tenants", "tenants"), ("Examples/picasso/config/../tenants/", "Examples/picasso/tenants"),
        ("./a/./b", "a/b"), ("../x/..", ".."), ("../../a", "../../a"), ("/a/../..", "/"), ("a//b", "a/b"),
        ("", "."), (".", "."), ("a/..", "."), ("/", "/"),
    ])
    func normalization(_ path: String, _ expected: String) {
        #expect(PathText.normalized(path) == expected)
    }

    @Test(arguments: [
        ("dist", "Examples/picasso/config", "../Examples/picasso/config"),
        ("/tmp/out", "/work/main/config", "../../work/main/config"), ("a/b", "a/b", "."), ("a", "a/b/c", "b/c"),
        ("a/b/c", "a", "../.."), ("./dist/", "config/./", "../config"),
    ])
    func relativePaths(_ base: String, _ target: String, _ expected: String) {
        #expect(PathText.relative(from: base, to: target) == expected)
    }

    @Test func relativePathsThatDependOnUnseenNamesAreNil() {
        #expect(PathText.relative(from: "../out", to: "config") == nil)
        #expect(PathText.relative(from: "/abs", to: "relative") == nil)
    }

    @Test func segmentsSplitOnTheSlashByteEvenBeforeACombiningMark() {
        // "/\u{301}" is one Character, so String.split(separator: "/") would not split there.
        #expect(PathText.segments(of: "../\u{301}x") == ["..", "\u{301}x"])
        #expect(PathText.segments(of: "a//b/") == ["a", "", "b", ""])
        #expect(PathText.segments(of: "/a//b/", omittingEmpty: true) == ["a", "b"])
        #expect(PathText.segments(of: "") == [""])
        #expect(PathText.normalized("a/b/../\u{301}c") == "a/\u{301}c")
        #expect(PathText.normalized("x/../\u{301}/..") == ".")
    }

    @Test func climbingIsFoundByteWise() {
        #expect(PathText.climbs("a/../b"))
        #expect(PathText.climbs(".."))
        #expect(PathText.climbs("../\u{301}x"))
        #expect(PathText.climbs("a/..//\u{301}"))
        #expect(!PathText.climbs("a/..b/c.."))
        #expect(!PathText.climbs("a/.\u{301}./b"))
    }

    @Test func parentAndLastSegmentSplitAtTheLastSlashByte() {
        #expect(PathText.parent(of: "config/schemas/app.json") == "config/schemas")
        #expect(PathText.parent(of: "a/\u{301}b") == "a")
        #expect(PathText.parent(of: "/app.json") == "")
        #expect(PathText.parent(of: "app.json") == "")
        #expect(PathText.lastSegment(of: "a/\u{301}b") == "\u{301}b")
        #expect(PathText.lastSegment(of: "config/") == "")
        #expect(PathText.lastSegment(of: "name") == "name")
    }

    @Test func absolutePathsAndPrefixesAreReadByteWise() {
        #expect(PathText.isAbsolute("/\u{301}x"))
        #expect(!PathText.isAbsolute("\u{301}/x"))
        #expect(PathText.normalized("/\u{301}x/../../etc") == "/etc")
        #expect(InMemoryFileSystem().absolutePath("/\u{301}x") == "/\u{301}x")
        #expect(PathText.removingPrefix("config/", from: "config/\u{301}x") == "\u{301}x")
        #expect(PathText.removingPrefix("config/", from: "configs/x") == nil)
        #expect(PathText.removingPrefix("caf\u{E9}/", from: "cafe\u{301}/x") == nil)
        #expect(PathText.relative("config/schemas/app.json", inside: "config") == "schemas/app.json")
        #expect(PathText.relative("config/\u{301}a.json", inside: "config/") == "\u{301}a.json")
        #expect(PathText.relative("other/a.json", inside: "config") == "other/a.json")
    }

    @Test func relativePathsCompareNamesByBytes() {
        // A precomposed and a decomposed é are equal Strings but different file names on Linux.
        #expect(PathText.relative(from: "caf\u{E9}", to: "cafe\u{301}/x") == "../cafe\u{301}/x")
        #expect(PathText.relative(from: "a/\u{301}b", to: "a/\u{301}b/c") == "c")
    }

    /// Calls that look for `/` by `Character`, which a following combining mark hides.
    static let characterWiseSlashUses = [
        #"split(separator: "/""#, #"hasPrefix("/")"#, #"lastIndex(of: "/")"#, #"firstIndex(of: "/")"#,
        #"components(separatedBy: "/")"#,
    ]

    /// Sources and the fuzz targets' checks (a check that splits by Character would miss what it
    /// is there to catch).
    @Test(arguments: ["Sources", "Fuzz/Sources"])
    func noSourceLooksForSlashesByCharacter(folder: String) throws {
        let sources = SharedFixtures.packageRoot.appendingPathComponent(folder)
        guard let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil) else {
            Issue.record("cannot list \(sources.path)")
            return
        }
        var offenders: [String] = []
        for case let file as URL in files where file.pathExtension == "swift" {
            offenders += try Self.characterWiseSlashLines(in: file)
        }
        #expect(offenders.isEmpty, "use PathText (segments, isAbsolute, parent) or the utf8 view: \(offenders)")
    }

    /// `name:line` of each line of `file` outside a comment that searches for / by Character.
    static func characterWiseSlashLines(in file: URL) throws -> [String] {
        let text = try String(contentsOf: file, encoding: .utf8)
        guard characterWiseSlashUses.contains(where: { text.contains($0) }) else { return [] }
        var offenders: [String] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let isComment = line.trimmingCharacters(in: .whitespaces).hasPrefix("//")
            if !isComment, characterWiseSlashUses.contains(where: { line.contains($0) }) {
                offenders.append("\(file.lastPathComponent):\(number + 1)")
            }
        }
        return offenders
    }

    @Test func absolutePathsStartFromTheWorkingDirectory() {
        let fileSystem = InMemoryFileSystem()
        #expect(fileSystem.absolutePath("a/../b") == "/b")
        #expect(LocalFileSystem().absolutePath("/x/./y") == "/x/y")
        #expect(LocalFileSystem().absolutePath("z").hasSuffix("/z"))
    }

    @Test func fileStoreURLsAreNormalizedAndChecked() throws {
        let store = try FileSystemTenantStore(url: "file://../tenants", relativeTo: "Examples/picasso/config")
        #expect(store.root == "Examples/picasso/config/../tenants")
        #expect(store.description == "file://Examples/picasso/tenants")
        #expect(try FileSystemTenantStore(url: "file:///srv/t/").description == "file:///srv/t")
        #expect(throws: TenantError(.invalidStore, "")) { try FileSystemTenantStore(url: "file://") }
        #expect(throws: TenantError(.invalidStore, "")) { try FileSystemTenantStore(url: "s3://bucket") }
    }
}
