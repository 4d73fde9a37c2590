import BERS
import BERSJSON
import Testing

/// A URL carrying a secret shows `<redacted>` everywhere it can be printed, and its clear text
/// only when every secret it carries is revealed.
struct RenderedURLTests {
    let url = RenderedURL(text: "https://db.example/?pw=CANARY-url", secretPaths: ["db.password"])

    @Test func everyWayOfPrintingItIsRedacted() {
        #expect("\(url)" == "<redacted>")
        #expect(String(reflecting: url) == "RenderedURL(<redacted>)")
        var dumped = ""
        dump(url, to: &dumped)
        #expect(!dumped.contains("CANARY"), "\(dumped)")
        #expect(dumped.contains("<redacted>"))
    }

    @Test func itIsShownOnlyWhenEverySecretIsRevealed() {
        #expect(url.shown(revealing: []) == "<redacted>")
        #expect(url.shown(revealing: [JSONPointer(dottedPath: "db")]) == url.text)
        #expect(url.shown(revealing: [JSONPointer(dottedPath: "db.user")]) == "<redacted>")
        #expect(url.unrevealedPaths(revealing: [JSONPointer(dottedPath: "db.password")]).isEmpty)
    }

    @Test func aURLWithoutSecretsIsPlainText() {
        let plain = RenderedURL(text: "https://cdn.example/a.png", secretPaths: [])
        #expect(!plain.isSecret)
        #expect("\(plain)" == plain.text)
    }
}
