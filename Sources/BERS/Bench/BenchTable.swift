/// A table of `bers bench` output, written as aligned text columns or as a Markdown table.
struct BenchTable: Sendable {
    /// The column titles.
    var header: [String]
    /// The cells, one array per row, as many as titles.
    var rows: [[String]]
    /// The columns aligned to the right (numbers).
    var rightAligned: Set<Int>

    /// Columns padded to their widest cell, two spaces apart, without trailing spaces.
    func text() -> String {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        return
            all.map { row in
                var line = ""
                for (column, cell) in row.enumerated() {
                    let padding = String(repeating: " ", count: widths[column] - cell.count)
                    if column > 0 { line += "  " }
                    line += rightAligned.contains(column) ? padding + cell : cell + padding
                }
                while line.hasSuffix(" ") { line.removeLast() }
                return line + "\n"
            }
            .joined()
    }

    /// A GitHub-flavoured Markdown table (`|` in cells escaped).
    func markdown() -> String {
        func line(_ cells: [String]) -> String {
            "| " + cells.map { $0.replacing("|", with: "\\|") }.joined(separator: " | ") + " |\n"
        }
        let rule = "|" + header.indices.map { rightAligned.contains($0) ? "--:|" : "---|" }.joined() + "\n"
        return line(header) + rule + rows.map(line).joined()
    }
}
