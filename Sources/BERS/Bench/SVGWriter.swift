/// Writes the few SVG elements `BenchChart` draws, with coordinates rounded to a tenth of a pixel
/// and text escaped for XML.
struct SVGWriter: Sendable {
    private let width: Double
    private let height: Double
    private var body = ""

    /// A drawing of `width` by `height` pixels.
    init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// A line from (`x1`, `y1`) to (`x2`, `y2`).
    mutating func line(
        _ x1: Double,
        _ y1: Double,
        _ x2: Double,
        _ y2: Double,
        stroke: String,
        width: Double = 1,
        dashed: Bool = false
    ) {
        let dash = dashed ? " stroke-dasharray=\"4 3\"" : ""
        body += "<line x1=\"\(n(x1))\" y1=\"\(n(y1))\" x2=\"\(n(x2))\" y2=\"\(n(y2))\" stroke=\"\(stroke)\" "
        body += "stroke-width=\"\(n(width))\"\(dash)/>\n"
    }

    /// A filled rectangle.
    mutating func rect(_ x: Double, _ y: Double, _ width: Double, _ height: Double, fill: String) {
        body += "<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(width))\" height=\"\(n(height))\" fill=\"\(fill)\" "
        body += "stroke=\"#555\" stroke-width=\"0.5\"/>\n"
    }

    /// A filled circle.
    mutating func circle(_ x: Double, _ y: Double, _ radius: Double, fill: String) {
        body += "<circle cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"\(n(radius))\" fill=\"\(fill)\"/>\n"
    }

    /// Text whose baseline starts (or, with `anchor`, is anchored) at (`x`, `y`).
    mutating func text(
        _ x: Double,
        _ y: Double,
        _ content: String,
        size: Double,
        anchor: String = "start",
        weight: String = "normal",
        fill: String = "#222"
    ) {
        body += "<text x=\"\(n(x))\" y=\"\(n(y))\" font-size=\"\(n(size))\" text-anchor=\"\(anchor)\" "
        body += "font-weight=\"\(weight)\" fill=\"\(fill)\">\(Self.escape(content))</text>\n"
    }

    /// The whole document.
    func document() -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" width="\(n(width))" height="\(n(height))" \
        viewBox="0 0 \(n(width)) \(n(height))" font-family="-apple-system, Helvetica, Arial, sans-serif">
        <rect width="100%" height="100%" fill="#fff"/>
        \(body)</svg>

        """
    }

    /// `text` with `&`, `<`, `>` and `"` escaped.
    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    private func n(_ value: Double) -> String { BenchNumberText.decimal(value, digits: 1) }
}
