import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// What Foundation's XML parser sees in a document: its element names and the text of its
/// `<text>` elements, or why it is not well-formed XML.
public struct XMLOutline: Sendable {
    /// Element names in document order.
    public var elements: [String] = []
    /// The character content of each `<text>` element, in order.
    public var texts: [String] = []
    /// The parser's error, when the document is not well-formed.
    public var error: String?

    /// Parses `document`.
    public init(parsing document: String) {
        let parser = XMLParser(data: Data(document.utf8))
        let collector = Collector()
        parser.delegate = collector
        if !parser.parse() { error = parser.parserError.map { "\($0)" } ?? "not well-formed" }
        elements = collector.elements
        texts = collector.texts
    }

    /// Whether the document is well-formed.
    public var isWellFormed: Bool { error == nil }
}

private final class Collector: NSObject, XMLParserDelegate {
    var elements: [String] = []
    var texts: [String] = []
    private var text = ""

    func parser(
        _ parser: XMLParser,
        didStartElement elementName: String,
        namespaceURI: String?,
        qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        elements.append(elementName)
        text = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        if elementName == "text" { texts.append(text) }
    }
}
