import BERS
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
