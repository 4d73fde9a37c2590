/// IDNA2008 label rules: the derived property of RFC 5892 (computed from the standard library's
/// Unicode properties, with the RFC's exception list), the CONTEXTJ and CONTEXTO rules of its
/// Appendix A, the hyphen and leading-mark rules of RFC 5891, and the Bidi rule of RFC 5893.
enum IDNA {
    enum Property {
        case pvalid, contextJ, contextO, disallowed
    }

    /// RFC 5893 Bidi classes (others count as `other`, which no rule accepts).
    enum BidiClass: UInt8 {
        case l = 0
        case r, al, en, an, es, cs, et, on, bn, nsm, other
    }

    /// The RFC 5892 derived property of `value`.
    static func property(_ value: UInt32) -> Property {
        switch value {
        case 0x61...0x7A, 0x30...0x39, 0x2D: return .pvalid
        case 0x00DF, 0x03C2, 0x06FD, 0x06FE, 0x0F0B, 0x3007: return .pvalid
        case 0x00B7, 0x0375, 0x05F3, 0x05F4, 0x30FB, 0x0660...0x0669, 0x06F0...0x06F9: return .contextO
        case 0x0640, 0x07FA, 0x302E, 0x302F, 0x3031...0x3035, 0x303B: return .disallowed
        case 0x200C, 0x200D: return .contextJ
        case 0x20D0...0x20FF, 0x1D100...0x1D24F, 0x1100...0x11FF, 0xA960...0xA97F, 0xD7B0...0xD7FF:
            return .disallowed
        default: break
        }
        guard let scalar = Unicode.Scalar(value) else { return .disallowed }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .lowercaseLetter, .uppercaseLetter, .otherLetter, .decimalNumber, .modifierLetter, .nonspacingMark,
            .spacingMark:
            if properties.changesWhenNFKCCaseFolded || properties.isDefaultIgnorableCodePoint
                || properties.isWhitespace || properties.isNoncharacterCodePoint
            {
                return .disallowed
            }
            return .pvalid
        default:
            return .disallowed
        }
    }

    /// Whether `label` (code points, ASCII letters already lowercase or not) is a valid U-label
    /// apart from the Bidi rule, which spans the whole name.
    static func isValidULabel(_ label: [UInt32]) -> Bool {
        guard let first = label.first, let last = label.last, first != 0x2D, last != 0x2D else { return false }
        if label.count >= 4, label[2] == 0x2D, label[3] == 0x2D { return false }
        if let scalar = Unicode.Scalar(first) {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark: return false
            default: break
            }
        }
        for (index, value) in label.enumerated() {
            let folded = (0x41...0x5A).contains(value) ? value | 0x20 : value
            switch property(folded) {
            case .pvalid: continue
            case .disallowed: return false
            case .contextJ: if !contextJ(label, index) { return false }
            case .contextO: if !contextO(label, index) { return false }
            }
        }
        return true
    }

    private static func isVirama(_ value: UInt32) -> Bool {
        Unicode.Scalar(value)?.properties.canonicalCombiningClass == .virama
    }

    private static func contextJ(_ label: [UInt32], _ index: Int) -> Bool {
        if index > 0, isVirama(label[index - 1]) { return true }
        guard label[index] == 0x200C else { return false }
        // (Joining_Type:{L,D})(Joining_Type:T)* ZWNJ (Joining_Type:T)*(Joining_Type:{R,D})
        var before = index - 1
        while before >= 0, joiningType(label[before]) == .transparent { before -= 1 }
        guard before >= 0, [.left, .dual].contains(joiningType(label[before])) else { return false }
        var after = index + 1
        while after < label.count, joiningType(label[after]) == .transparent { after += 1 }
        return after < label.count && [.right, .dual].contains(joiningType(label[after]))
    }

    private static func contextO(_ label: [UInt32], _ index: Int) -> Bool {
        switch label[index] {
        case 0x00B7:
            return index > 0 && index + 1 < label.count && label[index - 1] == 0x6C && label[index + 1] == 0x6C
        case 0x0375:
            return index + 1 < label.count && script(label[index + 1]) == 0
        case 0x05F3, 0x05F4:
            return index > 0 && script(label[index - 1]) == 1
        case 0x30FB:
            return label.contains { value in value != 0x30FB && (script(value).map { $0 >= 2 } ?? false) }
        case 0x0660...0x0669:
            return !label.contains { (0x06F0...0x06F9).contains($0) }
        default:  // 0x06F0...0x06F9
            return !label.contains { (0x0660...0x0669).contains($0) }
        }
    }

    enum JoiningType { case dual, left, right, transparent, none }

    static func joiningType(_ value: UInt32) -> JoiningType {
        if let code = lookup(IDNATables.joiningTypes, value) {
            switch code {
            case 0: return .dual
            case 1: return .left
            default: return .right
            }
        }
        guard value != 0x200C, value != 0x200D, let scalar = Unicode.Scalar(value) else { return .none }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return .transparent
        default: return .none
        }
    }

    /// 0 Greek, 1 Hebrew, 2 Hiragana, 3 Katakana, 4 Han, or `nil`.
    static func script(_ value: UInt32) -> UInt32? { lookup(IDNATables.scripts, value) }

    static func bidiClass(_ value: UInt32) -> BidiClass {
        if let code = lookup(IDNATables.bidiExceptions, value) { return BidiClass(rawValue: UInt8(code)) ?? .other }
        switch value {
        case 0x30...0x39: return .en
        case 0x2D: return .es
        case 0x200C, 0x200D: return .bn
        case 0x00B7, 0x0375, 0x30FB: return .on
        case 0x05F3, 0x05F4: return .r
        default: break
        }
        guard let scalar = Unicode.Scalar(value) else { return .other }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .spacingMark:
            return .l
        case .nonspacingMark, .enclosingMark: return .nsm
        case .decimalNumber: return .en
        default: return .other
        }
    }

    /// Whether a label has a right-to-left character (R, AL or AN), making its name a Bidi name.
    static func hasRTL(_ label: [UInt32]) -> Bool {
        label.contains { value in
            value >= 0x0590 && [.r, .al, .an].contains(bidiClass(value))
        }
    }

    /// The RFC 5893 Bidi rule for one label of a Bidi domain name.
    static func satisfiesBidiRule(_ label: [UInt32]) -> Bool {
        let classes = label.map(bidiClass)
        guard let first = classes.first else { return false }
        let trimmed = classes.reversed().drop { $0 == .nsm }
        guard let lastStrong = trimmed.first else { return false }
        switch first {
        case .r, .al:
            let allowed: Set<BidiClass> = [.r, .al, .an, .en, .es, .cs, .et, .on, .bn, .nsm]
            guard classes.allSatisfy(allowed.contains), [.r, .al, .en, .an].contains(lastStrong) else { return false }
            return !(classes.contains(.en) && classes.contains(.an))
        case .l:
            let allowed: Set<BidiClass> = [.l, .en, .es, .cs, .et, .on, .bn, .nsm]
            return classes.allSatisfy(allowed.contains) && (lastStrong == .l || lastStrong == .en)
        default:
            return false
        }
    }

    /// Binary search in a flat `start, end, value` table.
    private static func lookup(_ table: [UInt32], _ value: UInt32) -> UInt32? {
        var low = 0
        var high = table.count / 3
        while low < high {
            let mid = (low + high) >> 1
            if value < table[3 * mid] {
                high = mid
            } else if value > table[3 * mid + 1] {
                low = mid + 1
            } else {
                return table[3 * mid + 2]
            }
        }
        return nil
    }
}
