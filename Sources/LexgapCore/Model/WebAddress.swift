/// The rule for URLs in data files: only absolute http(s) addresses, so that nothing else can ever become a link.
public enum WebAddress {
    /// `http://` or `https://` (any case), a host of letters, digits, dots and hyphens (or an IPv6 literal in
    /// brackets), an optional port, then a path, query or fragment with no white space or control character.
    /// Checked by hand: Foundation's URL parsing was a tenth of the loading time.
    public static func isHTTP(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        var index: Int
        if bytes.starts(with: Array("https://".utf8), ignoringCase: true) {
            index = 8
        } else if bytes.starts(with: Array("http://".utf8), ignoringCase: true) {
            index = 7
        } else {
            return false
        }
        let hostStart = index
        if index < bytes.count, bytes[index] == UInt8(ascii: "[") {
            guard let close = bytes[index...].firstIndex(of: UInt8(ascii: "]")), close > index + 1 else { return false }
            index = close + 1
        } else {
            while index < bytes.count, isHostByte(bytes[index]) { index += 1 }
        }
        guard index > hostStart else { return false }
        if index < bytes.count, bytes[index] == UInt8(ascii: ":") {
            let portStart = index + 1
            index = portStart
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
            guard index > portStart else { return false }
        }
        guard index == bytes.count || [UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "#")].contains(bytes[index]) else {
            return false
        }
        // No white space, control character or DEL anywhere (non-ASCII letters in a path are allowed).
        // Non-ASCII white space is looked for only where there are non-ASCII bytes: scalar properties are slow.
        guard !bytes.contains(where: { $0 <= 0x20 || $0 == 0x7F }) else { return false }
        return bytes.allSatisfy { $0 < 0x80 } || !text.unicodeScalars.contains { $0.properties.isWhitespace }
    }

    static func isHostByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "."), UInt8(ascii: "-"):
            return true
        default:
            return false
        }
    }
}

extension Array where Element == UInt8 {
    func starts(with prefix: [UInt8], ignoringCase: Bool) -> Bool {
        guard count >= prefix.count else { return false }
        for (byte, expected) in zip(self, prefix) {
            let lower = (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
            if lower != expected { return false }
        }
        return true
    }
}
