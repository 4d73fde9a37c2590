/// A position in a source text: 1-based line and column.
///
/// Columns count Unicode scalars from the start of the line, as libYAML does, so JSON and YAML
/// layers report columns the same way. `line == 0` means the position is unknown.
public struct SourcePosition: Sendable, Hashable, Comparable {
    /// 1-based line; 0 when unknown.
    public var line: UInt32
    /// 1-based column in Unicode scalars; 0 when unknown.
    public var column: UInt32

    /// A position at `line`, `column`.
    public init(line: UInt32, column: UInt32) {
        self.line = line
        self.column = column
    }

    /// The unknown position.
    public static let unknown = SourcePosition(line: 0, column: 0)

    /// Whether the position is known.
    public var isKnown: Bool { line != 0 }

    /// Document order: by line, then column.
    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

/// A place in a named file, printed as `file:line:col` in every diagnostic.
public struct SourceLocation: Sendable, Hashable {
    /// The file's path as the user gave it (or a label such as `<stdin>`).
    public var file: String
    /// 1-based line.
    public var line: Int
    /// 1-based column, in Unicode scalars.
    public var column: Int

    /// A location in `file` at `line`, `column`.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// A location in `file` at `position`, or `nil` when the position is unknown.
    public init?(file: String, position: SourcePosition) {
        guard position.isKnown else { return nil }
        self.init(file: file, line: Int(position.line), column: Int(position.column))
    }
}

extension SourceLocation: CustomStringConvertible {
    /// `file:line:col`.
    public var description: String { "\(file):\(line):\(column)" }
}
