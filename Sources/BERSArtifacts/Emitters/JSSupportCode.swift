/// The helpers the URL builders of the JavaScript module call: the same encoding, slash
/// collapsing and query assembly as BERS's `Endpoint.url(_:)` (the plans are verified against it
/// when the module is built).
///
/// Written only when the module has a URL builder; not exported.
enum JSSupportCode {
    static let urlBuilder: [String] = #"""
        const HEX = "0123456789ABCDEF";
        const UTF8 = new TextEncoder();

        // Every byte but A-Z a-z 0-9 - . _ ~ (and / in a sub-path) as %XX of its UTF-8.
        function encodeValue(value, keepSlashes) {
          if (!keepSlashes && (value === "." || value === "..")) return value === "." ? "%2E" : "%2E%2E";
          let out = "";
          for (const byte of UTF8.encode(value)) {
            const plain = (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a) || (byte >= 0x30 && byte <= 0x39) ||
              byte === 0x2d || byte === 0x2e || byte === 0x5f || byte === 0x7e || (keepSlashes && byte === 0x2f);
            out += plain ? String.fromCharCode(byte) : "%" + HEX[byte >> 4] + HEX[byte & 15];
          }
          return out;
        }

        // Runs of / collapsed to one, after the first "://".
        function collapseSlashes(url) {
          const at = url.indexOf("://");
          const start = at < 0 ? 0 : at + 3;
          return url.slice(0, start) + url.slice(start).replace(/\/{2,}/g, "/");
        }

        // Text pieces as they are, [value, keepSlashes] pieces encoded; null when an optional value is missing.
        function joinPieces(pieces, dropWhenMissing) {
          let out = "";
          for (const piece of pieces) {
            if (typeof piece === "string") out += piece;
            else if (piece[0] === undefined) { if (dropWhenMissing) return null; }
            else out += encodeValue(piece[0], piece[1]);
          }
          return out;
        }

        function renderURL(path, query, fragment, collapsesPath) {
          let url = joinPieces(path, false);
          if (collapsesPath) url = collapseSlashes(url);
          let first = true;
          for (const item of query) {
            const text = joinPieces(item, true);
            if (text === null || text === "") continue;
            url += (first ? "?" : "&") + text;
            first = false;
          }
          if (fragment !== null) {
            const text = joinPieces(fragment, true);
            if (text !== null && text !== "") url += "#" + text;
          }
          return url;
        }

        function requiredArgument(value, message) {
          const text = value === undefined || value === null ? "" : String(value);
          if (text === "") throw new Error(message);
          return text;
        }

        function optionalArgument(value) {
          const text = value === undefined || value === null ? "" : String(value);
          return text === "" ? undefined : text;
        }

        function checkSubPath(value, message) {
          if (value !== undefined && value.split("/").includes("..")) throw new Error(message);
        }
        """#
        .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
}
