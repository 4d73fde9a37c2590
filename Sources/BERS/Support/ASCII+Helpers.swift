extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension String.UTF8View {
    /// Whether the view ends with `suffix`.
    func elementsEqual(_ suffix: String.UTF8View, atEnd: Bool) -> Bool {
        guard count >= suffix.count else { return false }
        return self.dropFirst(count - suffix.count).elementsEqual(suffix)
    }
}

extension Unicode.Scalar {
    var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}
