import Testing

@testable import BERS

/// Reading the umask must not change it, even for a moment (another thread may be creating a file).
struct ProcessUmaskTests {
    @Test func theUmaskFieldOfAStatusTextIsReadInOctal() {
        let status = Array("Name:\tbers\nUmask:\t0027\nState:\tR (running)\n".utf8)
        #expect(ProcessUmask.parse(status: status) == 0o027)
        #expect(ProcessUmask.parse(status: Array("Umask: 0777".utf8)) == 0o777)
    }

    @Test(arguments: ["Name:\tbers\n", "Umask:\t\n", "Umask:\t0089\n", "Umask:\t012345\n", "XUmask:\t0022\n"])
    func aStatusTextWithoutAReadableUmaskGivesNothing(_ text: String) {
        #expect(ProcessUmask.parse(status: Array(text.utf8)) == nil)
    }

    @Test func theCurrentUmaskIsReadFromTheProcessStatusOnLinux() throws {
        let mask = ProcessUmask.current()
        #expect(mask & ~0o777 == 0)
        #expect(ProcessUmask.current() == mask)
        #if os(Linux)
        let status = try #require(ProcessUmask.readProcStatus(), "/proc/self/status is readable")
        #expect(ProcessUmask.parse(status: status) == mask)
        #endif
    }
}
