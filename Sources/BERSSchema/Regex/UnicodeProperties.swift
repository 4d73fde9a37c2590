/// The Unicode properties `\p{…}` and `\P{…}` accept, computed from the standard library's
/// Unicode data (`Unicode.Scalar.Properties`), so no tables ship with BERS.
///
/// Supported: every General_Category value by short or long name or alias (`L`, `Letter`, `Lu`,
/// `Nd`, `digit`, `punct`, …), also as `General_Category=…` / `gc=…`; the binary properties the
/// standard library exposes (Alphabetic, White_Space, Emoji, ID_Start, …, with their short
/// aliases) plus `Any`, `ASCII`, `Assigned`, `Regional_Indicator` and `Emoji_Component`.
/// `Script`, `Script_Extensions` and `Extended_Pictographic` need tables the standard library does
/// not expose and are reported as unsupported.
enum UnicodeProperties {
    /// Why a property name was rejected.
    struct LookupError: Error, CustomStringConvertible {
        var description: String
    }

    /// The set for the text between the braces of `\p{…}`.
    static func lookup(_ text: String) -> Result<ScalarSet, LookupError> {
        let parts = text.split(separator: "=", omittingEmptySubsequences: false).map(String.init)
        if parts.count == 2 {
            switch parts[0] {
            case "General_Category", "gc":
                if let set = generalCategory(parts[1]) { return .success(set) }
                return .failure(LookupError(description: "invalid property value '\(parts[1])'"))
            case "Script", "sc", "Script_Extensions", "scx":
                return .failure(LookupError(description: "unsupported property '\(text)' (scripts are not supported)"))
            default:
                return .failure(LookupError(description: "invalid property name '\(parts[0])'"))
            }
        }
        guard parts.count == 1, !text.isEmpty else {
            return .failure(LookupError(description: "invalid property name '\(text)'"))
        }
        if let set = generalCategory(text) ?? binaryProperty(text) { return .success(set) }
        if text == "Extended_Pictographic" || text == "ExtPict" {
            return .failure(LookupError(description: "unsupported property '\(text)'"))
        }
        return .failure(LookupError(description: "invalid property name '\(text)'"))
    }

    // MARK: - General_Category

    /// Category letters, in `Unicode.GeneralCategory` declaration order (see `categoryIndex`).
    private static let categoryCodes = [
        "Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Mc", "Me", "Nd", "Nl", "No", "Pc", "Pd", "Ps", "Pe", "Pi", "Pf",
        "Po", "Sm", "Sc", "Sk", "So", "Zs", "Zl", "Zp", "Cc", "Cf", "Cs", "Co", "Cn",
    ]

    private static let categoryAliases: [String: String] = [
        "Other": "C", "Control": "Cc", "cntrl": "Cc", "Format": "Cf", "Unassigned": "Cn", "Private_Use": "Co",
        "Surrogate": "Cs", "Letter": "L", "Cased_Letter": "LC", "Lowercase_Letter": "Ll", "Modifier_Letter": "Lm",
        "Other_Letter": "Lo", "Titlecase_Letter": "Lt", "Uppercase_Letter": "Lu", "Mark": "M",
        "Combining_Mark": "M", "Spacing_Mark": "Mc", "Enclosing_Mark": "Me", "Nonspacing_Mark": "Mn",
        "Number": "N", "Decimal_Number": "Nd", "digit": "Nd", "Letter_Number": "Nl", "Other_Number": "No",
        "Punctuation": "P", "punct": "P", "Connector_Punctuation": "Pc", "Dash_Punctuation": "Pd",
        "Close_Punctuation": "Pe", "Final_Punctuation": "Pf", "Initial_Punctuation": "Pi",
        "Other_Punctuation": "Po", "Open_Punctuation": "Ps", "Symbol": "S", "Currency_Symbol": "Sc",
        "Modifier_Symbol": "Sk", "Math_Symbol": "Sm", "Other_Symbol": "So", "Separator": "Z",
        "Line_Separator": "Zl", "Paragraph_Separator": "Zp", "Space_Separator": "Zs",
    ]

    /// The ranges of every category, computed once per process from the standard library.
    private static let categoryRanges: [[ClosedRange<UInt32>]] = {
        var result = [[ClosedRange<UInt32>]](repeating: [], count: categoryCodes.count)
        var current = -1
        var runStart: UInt32 = 0
        func close(_ end: UInt32) {
            if current >= 0 { result[current].append(runStart...end) }
        }
        var value: UInt32 = 0
        while value <= ScalarSet.maxScalar {
            let index: Int
            if value >= 0x40000, value < 0xE0000 {
                // Planes 4-13 are unassigned.
                index = 29
            } else if let scalar = Unicode.Scalar(value) {
                index = categoryIndex(scalar.properties.generalCategory)
            } else {
                index = 27  // surrogate
            }
            if index != current {
                if value > 0 { close(value - 1) }
                current = index
                runStart = value
            }
            value = (value >= 0x40000 && value < 0xDFFFF) ? 0xDFFFF : value + 1
        }
        close(ScalarSet.maxScalar)
        return result
    }()

    private static func categoryIndex(_ category: Unicode.GeneralCategory) -> Int {
        switch category {
        case .uppercaseLetter: return 0
        case .lowercaseLetter: return 1
        case .titlecaseLetter: return 2
        case .modifierLetter: return 3
        case .otherLetter: return 4
        case .nonspacingMark: return 5
        case .spacingMark: return 6
        case .enclosingMark: return 7
        case .decimalNumber: return 8
        case .letterNumber: return 9
        case .otherNumber: return 10
        case .connectorPunctuation: return 11
        case .dashPunctuation: return 12
        case .openPunctuation: return 13
        case .closePunctuation: return 14
        case .initialPunctuation: return 15
        case .finalPunctuation: return 16
        case .otherPunctuation: return 17
        case .mathSymbol: return 18
        case .currencySymbol: return 19
        case .modifierSymbol: return 20
        case .otherSymbol: return 21
        case .spaceSeparator: return 22
        case .lineSeparator: return 23
        case .paragraphSeparator: return 24
        case .control: return 25
        case .format: return 26
        case .surrogate: return 27
        case .privateUse: return 28
        case .unassigned: return 29
        @unknown default: return 29
        }
    }

    /// The set of a General_Category value (`Lu`, `L`, `LC`, `Letter`, …), or `nil`.
    static func generalCategory(_ name: String) -> ScalarSet? {
        let code = categoryAliases[name] ?? name
        var ranges: [ClosedRange<UInt32>] = []
        if code == "LC" {
            for member in ["Lu", "Ll", "Lt"] { ranges += categoryRanges[categoryCodes.firstIndex(of: member) ?? 0] }
        } else if code.count == 1 {
            let members = categoryCodes.indices.filter { categoryCodes[$0].hasPrefix(code) }
            if members.isEmpty { return nil }
            for member in members { ranges += categoryRanges[member] }
        } else if let index = categoryCodes.firstIndex(of: code) {
            ranges = categoryRanges[index]
        } else {
            return nil
        }
        return ScalarSet(ranges)
    }

    // MARK: - Binary properties

    private typealias Predicate = @Sendable (Unicode.Scalar.Properties) -> Bool

    private static let binaryPredicates: [String: Predicate] = {
        let table: [([String], Predicate)] = [
            (["ASCII_Hex_Digit", "AHex"], { $0.isASCIIHexDigit }),
            (["Alphabetic", "Alpha"], { $0.isAlphabetic }),
            (["Bidi_Control", "Bidi_C"], { $0.isBidiControl }),
            (["Bidi_Mirrored", "Bidi_M"], { $0.isBidiMirrored }),
            (["Case_Ignorable", "CI"], { $0.isCaseIgnorable }),
            (["Cased"], { $0.isCased }),
            (["Changes_When_Casefolded", "CWCF"], { $0.changesWhenCaseFolded }),
            (["Changes_When_Casemapped", "CWCM"], { $0.changesWhenCaseMapped }),
            (["Changes_When_Lowercased", "CWL"], { $0.changesWhenLowercased }),
            (["Changes_When_NFKC_Casefolded", "CWKCF"], { $0.changesWhenNFKCCaseFolded }),
            (["Changes_When_Titlecased", "CWT"], { $0.changesWhenTitlecased }),
            (["Changes_When_Uppercased", "CWU"], { $0.changesWhenUppercased }),
            (["Dash"], { $0.isDash }),
            (["Default_Ignorable_Code_Point", "DI"], { $0.isDefaultIgnorableCodePoint }),
            (["Deprecated", "Dep"], { $0.isDeprecated }),
            (["Diacritic", "Dia"], { $0.isDiacritic }),
            (["Emoji"], { $0.isEmoji }),
            (["Emoji_Modifier", "EMod"], { $0.isEmojiModifier }),
            (["Emoji_Modifier_Base", "EBase"], { $0.isEmojiModifierBase }),
            (["Emoji_Presentation", "EPres"], { $0.isEmojiPresentation }),
            (["Extender", "Ext"], { $0.isExtender }),
            (["Grapheme_Base", "Gr_Base"], { $0.isGraphemeBase }),
            (["Grapheme_Extend", "Gr_Ext"], { $0.isGraphemeExtend }),
            (["Hex_Digit", "Hex"], { $0.isHexDigit }),
            (["IDS_Binary_Operator", "IDSB"], { $0.isIDSBinaryOperator }),
            (["IDS_Trinary_Operator", "IDST"], { $0.isIDSTrinaryOperator }),
            (["ID_Continue", "IDC"], { $0.isIDContinue }),
            (["ID_Start", "IDS"], { $0.isIDStart }),
            (["Ideographic", "Ideo"], { $0.isIdeographic }),
            (["Join_Control", "Join_C"], { $0.isJoinControl }),
            (["Logical_Order_Exception", "LOE"], { $0.isLogicalOrderException }),
            (["Lowercase", "Lower"], { $0.isLowercase }),
            (["Math"], { $0.isMath }),
            (["Noncharacter_Code_Point", "NChar"], { $0.isNoncharacterCodePoint }),
            (["Pattern_Syntax", "Pat_Syn"], { $0.isPatternSyntax }),
            (["Pattern_White_Space", "Pat_WS"], { $0.isPatternWhitespace }),
            (["Quotation_Mark", "QMark"], { $0.isQuotationMark }),
            (["Radical"], { $0.isRadical }),
            (["Sentence_Terminal", "STerm"], { $0.isSentenceTerminal }),
            (["Soft_Dotted", "SD"], { $0.isSoftDotted }),
            (["Terminal_Punctuation", "Term"], { $0.isTerminalPunctuation }),
            (["Unified_Ideograph", "UIdeo"], { $0.isUnifiedIdeograph }),
            (["Uppercase", "Upper"], { $0.isUppercase }),
            (["Variation_Selector", "VS"], { $0.isVariationSelector }),
            (["White_Space", "space"], { $0.isWhitespace }),
            (["XID_Continue", "XIDC"], { $0.isXIDContinue }),
            (["XID_Start", "XIDS"], { $0.isXIDStart }),
        ]
        var result: [String: Predicate] = [:]
        for (names, predicate) in table {
            for name in names { result[name] = predicate }
        }
        return result
    }()

    /// The set of a binary property, or `nil` when the name is not one.
    static func binaryProperty(_ name: String) -> ScalarSet? {
        switch name {
        case "Any": return .all
        case "ASCII": return ScalarSet(normalized: [0...0x7F])
        case "Assigned": return generalCategory("Cn")?.inverted()
        case "Regional_Indicator", "RI": return ScalarSet(normalized: [0x1F1E6...0x1F1FF])
        case "Emoji_Component", "EComp":
            return ScalarSet([
                0x23...0x23, 0x2A...0x2A, 0x30...0x39, 0x200D...0x200D, 0x20E3...0x20E3, 0xFE0F...0xFE0F,
                0x1F1E6...0x1F1FF, 0x1F3FB...0x1F3FF, 0x1F9B0...0x1F9B3, 0xE0020...0xE007F,
            ])
        default: break
        }
        guard let predicate = binaryPredicates[name] else { return nil }
        var ranges: [ClosedRange<UInt32>] = []
        var runStart: UInt32?
        var value: UInt32 = 0
        while value <= ScalarSet.maxScalar {
            let inPlanes4to13 = value >= 0x40000 && value < 0xE0000
            let member: Bool
            if inPlanes4to13, value & 0xFFFE != 0xFFFE {
                member = false
            } else if let scalar = Unicode.Scalar(value) {
                member = predicate(scalar.properties)
            } else {
                member = false
            }
            if member, runStart == nil { runStart = value }
            if !member, let start = runStart {
                ranges.append(start...(value - 1))
                runStart = nil
            }
            value += 1
        }
        if let start = runStart { ranges.append(start...ScalarSet.maxScalar) }
        return ScalarSet(normalized: ranges)
    }
}
