/// Accumulates generated source lines with indentation.
struct CodeWriter {
    private(set) var text = ""
    private(set) var indentation = ""
    let unit: String

    init(unit: String = "    ") { self.unit = unit }

    /// Appends one line at the current indentation (an empty line stays empty).
    mutating func line(_ content: String = "") {
        text += content.isEmpty ? "\n" : indentation + content + "\n"
    }

    /// Appends lines written by `body` one level deeper.
    mutating func indented(_ body: (inout CodeWriter) throws(BuildError) -> Void) throws(BuildError) {
        indentation += unit
        defer { indentation.removeLast(unit.count) }
        try body(&self)
    }

    /// `open`, the lines of `body` one level deeper, then `close`.
    mutating func block(_ open: String, close: String = "}", _ body: (inout CodeWriter) throws(BuildError) -> Void)
        throws(BuildError)
    {
        line(open)
        try indented(body)
        line(close)
    }
}

extension CodeWriter {
    /// Appends `lines` one level deeper.
    mutating func indentedLines(_ lines: [String]) {
        for line in lines { self.line(unit + line) }
    }
}
