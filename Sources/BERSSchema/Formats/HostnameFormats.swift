/// `hostname` (RFC 1123 labels; `xn--` A-labels must be valid IDNA2008) and `idn-hostname`
/// (RFC 5890-5893 U-labels, with the IDNA label separators `.` `。` `．` `｡`).
enum HostnameFormats {
    /// An ASCII host name: labels of letters, digits and inner hyphens, 1-63 octets each, at most
    /// 253 octets in all, no trailing dot; `xn--` labels must decode to valid U-labels.
    static let isHostname: @Sendable (String) -> Bool = { string in
        string.withUTF8Bytes { bytes in hostname(bytes) }
    }

    /// An internationalized host name.
    static let isIDNHostname: @Sendable (String) -> Bool = { string in
        if string.utf8.allSatisfy({ $0 < 0x80 }) { return isHostname(string) }
        return idnHostname(string)
    }

    static func hostname(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !bytes.isEmpty, bytes.count <= 253 else { return false }
        var labelStart = 0
        var needsBidi = false
        var index = 0
        while index <= bytes.count {
            if index < bytes.count, bytes[index] != 0x2E {
                let byte = bytes[index]
                guard byte.isASCIIAlpha || byte.isASCIIDigit || byte == 0x2D else { return false }
                index += 1
                continue
            }
            let length = index - labelStart
            guard length >= 1, length <= 63, bytes[labelStart] != 0x2D, bytes[index - 1] != 0x2D else { return false }
            if length >= 4, bytes[labelStart + 2] == 0x2D, bytes[labelStart + 3] == 0x2D,
                bytes[labelStart] | 0x20 == 0x78, bytes[labelStart + 1] | 0x20 == 0x6E
            {
                guard let decoded = decodeALabel(UnsafeBufferPointer(rebasing: bytes[labelStart..<index])) else {
                    return false
                }
                if IDNA.hasRTL(decoded) { needsBidi = true }
            }
            labelStart = index + 1
            index += 1
        }
        if needsBidi {
            for label in bytes.split(separator: 0x2E, omittingEmptySubsequences: false) {
                let text = Array(label)
                let values: [UInt32]
                if text.count >= 4, text[0] | 0x20 == 0x78, text[1] | 0x20 == 0x6E, text[2] == 0x2D, text[3] == 0x2D {
                    values = Punycode.decode(text.dropFirst(4)) ?? []
                } else {
                    values = text.map { UInt32($0) }
                }
                if !IDNA.satisfiesBidiRule(values) { return false }
            }
        }
        return true
    }

    /// The U-label of an `xn--` label, when it is a valid A-label: decodes, is not all ASCII,
    /// re-encodes to itself, and passes the IDNA2008 label rules.
    static func decodeALabel(_ label: UnsafeBufferPointer<UInt8>) -> [UInt32]? {
        let body = label.dropFirst(4)
        guard let decoded = Punycode.decode(body), decoded.contains(where: { $0 >= 0x80 }),
            let encoded = Punycode.encode(decoded), encoded.count == body.count,
            zip(encoded, body).allSatisfy({ lowercased($0) == lowercased($1) }),
            IDNA.isValidULabel(decoded)
        else { return nil }
        return decoded
    }

    @inline(__always)
    private static func lowercased(_ byte: UInt8) -> UInt8 { byte.isASCIIAlpha ? byte | 0x20 : byte }

    private static let separators: Set<UInt32> = [0x2E, 0x3002, 0xFF0E, 0xFF61]

    static func idnHostname(_ string: String) -> Bool {
        let values = string.unicodeScalars.map(\.value)
        let labels = values.split(omittingEmptySubsequences: false) { separators.contains($0) }.map(Array.init)
        var total = labels.count - 1
        var uLabels: [[UInt32]] = []
        for label in labels {
            guard !label.isEmpty else { return false }
            if label.allSatisfy({ $0 < 0x80 }) {
                let bytes = label.map { UInt8($0) }
                let valid = bytes.withUnsafeBufferPointer { hostname($0) }
                guard valid, bytes.count <= 63 else { return false }
                total += bytes.count
                if bytes.count >= 4, bytes[0] | 0x20 == 0x78, bytes[1] | 0x20 == 0x6E, bytes[2] == 0x2D,
                    bytes[3] == 0x2D
                {
                    uLabels.append(Punycode.decode(bytes.dropFirst(4)) ?? [])
                } else {
                    uLabels.append(label)
                }
            } else {
                guard IDNA.isValidULabel(label), let encoded = Punycode.encode(label), encoded.count + 4 <= 63 else {
                    return false
                }
                total += encoded.count + 4
                uLabels.append(label)
            }
        }
        guard total <= 253 else { return false }
        if uLabels.contains(where: IDNA.hasRTL) {
            return uLabels.allSatisfy(IDNA.satisfiesBidiRule)
        }
        return true
    }
}
