/// Quoting of dotenv values for the dialect of the `dotenv` package and `node --env-file`.
///
///
/// 1. a value of only ASCII letters, digits and `_ - . / : @ % + , =` is written bare;
/// 2. else, a value without `'` or line breaks is written in single quotes, taken literally
///    (`$`, `#`, `"` and `\` included, and no `${…}` expansion in Docker Compose or python-dotenv);
/// 3. else, a value without `"` or the two characters `\n` is written in double quotes, line
///    breaks as they are (a multi-line value);
/// 4. else, a value without a backtick is written in backticks;
/// 5. a value with `'`, `"` and a backtick and a line break (or `\n`) cannot be written: the build
///    fails with `build.unrepresentable-value`.
///
/// Control characters other than line breaks and tabs are refused the same way.
enum DotenvQuoting {
    /// `value` quoted for a dotenv line.
    ///
    /// - Throws: ``BuildError`` `build.unrepresentable-value` naming `name`.
    static func quote(_ value: String, name: String) throws(BuildError) -> String {
        if value.utf8.allSatisfy(isBare) { return value }
        let scalars = value.unicodeScalars
        if scalars.contains(where: { ($0.value < 0x20 && $0 != "\n" && $0 != "\r" && $0 != "\t") || $0.value == 0x7F })
        {
            throw BuildError(
                .unrepresentableValue,
                "\(name): the value has control characters a dotenv file cannot hold"
            )
        }
        let hasBreak = scalars.contains { $0 == "\n" || $0 == "\r" }
        if !hasBreak && !scalars.contains("'") { return "'\(value)'" }
        if !scalars.contains("\"") && !value.contains("\\n") && !scalars.contains("\r") { return "\"\(value)\"" }
        if !scalars.contains("`") && !scalars.contains("\r") { return "`\(value)`" }
        throw BuildError(
            .unrepresentableValue,
            "\(name): the value has single quotes, double quotes, backticks and line breaks; no dotenv quoting keeps it exact"
        )
    }

    private static func isBare(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        case UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "/"), UInt8(ascii: ":"),
            UInt8(ascii: "@"),
            UInt8(ascii: "%"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: "="):
            true
        default:
            false
        }
    }
}
