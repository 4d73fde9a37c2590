/// `email` (RFC 5321 Mailbox) and `idn-email` (RFC 6531: UTF-8 in the local part and domain).
enum EmailFormats {
    /// `local-part@domain`: a dot-atom or quoted local part; a host name or an address literal.
    static let isEmail: @Sendable (String) -> Bool = { string in
        string.withUTF8Bytes { bytes in mailbox(bytes, international: false) }
    }

    /// Like `email`, with non-ASCII characters allowed in atoms, quoted strings and the domain.
    static let isIDNEmail: @Sendable (String) -> Bool = { string in
        string.withUTF8Bytes { bytes in mailbox(bytes, international: true) }
    }

    private static func isAtext(_ byte: UInt8, international: Bool) -> Bool {
        if byte >= 0x80 { return international }
        if byte.isASCIIAlpha || byte.isASCIIDigit { return true }
        switch byte {
        case 0x21, 0x23...0x27, 0x2A, 0x2B, 0x2D, 0x2F, 0x3D, 0x3F, 0x5E...0x60, 0x7B...0x7E: return true
        default: return false
        }
    }

    static func mailbox(_ bytes: UnsafeBufferPointer<UInt8>, international: Bool) -> Bool {
        guard !bytes.isEmpty else { return false }
        var index = 0
        if bytes[0] == 0x22 {  // quoted string
            index = 1
            while true {
                guard index < bytes.count else { return false }
                let byte = bytes[index]
                if byte == 0x22 { break }
                if byte == 0x5C {
                    guard index + 1 < bytes.count, bytes[index + 1] >= 0x20, bytes[index + 1] != 0x7F else {
                        return false
                    }
                    index += 2
                    continue
                }
                guard (byte >= 0x20 && byte != 0x7F) || (international && byte >= 0x80) else { return false }
                index += 1
            }
            index += 1
        } else {
            var atomStart = index
            while index < bytes.count, bytes[index] != 0x40 {
                if bytes[index] == 0x2E {
                    guard index > atomStart else { return false }
                    atomStart = index + 1
                } else if !isAtext(bytes[index], international: international) {
                    return false
                }
                index += 1
            }
            guard index > atomStart else { return false }
        }
        guard index < bytes.count, bytes[index] == 0x40, index + 1 < bytes.count else { return false }
        let domain = UnsafeBufferPointer(rebasing: bytes[(index + 1)...])
        if domain[0] == 0x5B {  // address literal
            guard domain.count > 2, domain[domain.count - 1] == 0x5D else { return false }
            let inner = UnsafeBufferPointer(rebasing: domain[1..<(domain.count - 1)])
            if inner.count > 5, inner[0] | 0x20 == 0x69, inner[1] | 0x20 == 0x70, inner[2] | 0x20 == 0x76,
                inner[3] == 0x36, inner[4] == 0x3A
            {
                return IPFormats.ipv6(inner, 5, inner.count)
            }
            return IPFormats.ipv4(inner, 0, inner.count)
        }
        if international, domain.contains(where: { $0 >= 0x80 }) {
            return HostnameFormats.idnHostname(String(decoding: domain, as: UTF8.self))
        }
        return HostnameFormats.hostname(domain)
    }
}
