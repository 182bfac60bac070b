import Foundation

/// RFC 4180 CSV: CRLF line ends, and fields quoted when they hold a comma, quote or line break.
public enum CSV {
    public static func render(header: [String], rows: [[String]]) -> String {
        var out = ""
        // Reserved up front: a table of tens of megabytes grown by doubling would hold its old and new copies at once.
        func size(_ row: [String]) -> Int { row.reduce(2) { $0 + $1.utf8.count + 3 } }
        out.reserveCapacity(rows.reduce(size(header)) { $0 + size($1) })
        func append(_ row: [String]) {
            for (index, text) in row.enumerated() {
                if index > 0 { out += "," }
                out += field(text)
            }
            out += "\r\n"
        }
        append(header)
        for row in rows { append(row) }
        return out
    }

    static func field(_ text: String) -> String {
        // A leading =, +, - or @ would be run as a formula by spreadsheets, even behind invisible or joining
        // characters or spaces that a spreadsheet drops, and so would a leading tab or carriage return; a leading
        // apostrophe keeps the cell text.
        var text = text
        let lead = text.unicodeScalars.first { !$0.properties.isDefaultIgnorableCodePoint && !$0.properties.isWhitespace }
        let formula = lead.map { "=+-@".unicodeScalars.contains($0) } ?? false
        if (formula && Double(text) == nil) || text.hasPrefix("\t") || text.hasPrefix("\r") { text = "'" + text }
        // Bytes, not characters: "\r\n" is one character, equal to neither "\r" nor "\n".
        guard text.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return text }
        var quoted: [UInt8] = [0x22]
        quoted.reserveCapacity(text.utf8.count + 8)
        for byte in text.utf8 {
            quoted.append(byte)
            if byte == 0x22 { quoted.append(0x22) }
        }
        quoted.append(0x22)
        return String(decoding: quoted, as: UTF8.self)
    }
}

/// Numbers as every output prints them: one decimal, or nothing when there is no score.
enum Number {
    static func text(_ value: Double?, missing: String = "") -> String {
        guard let value else { return missing }
        let rounded = Scoring.rounded(value)
        let tenths = Int((abs(rounded) * 10).rounded())
        return (rounded < 0 && tenths != 0 ? "-" : "") + "\(tenths / 10).\(tenths % 10)"
    }

    static func json(_ value: Double?) -> Nullable<Double> { Nullable(value.map(Scoring.rounded)) }
}
