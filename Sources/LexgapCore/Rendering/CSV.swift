import Foundation

/// RFC 4180 CSV: CRLF line ends, and fields quoted when they hold a comma, quote or line break.
public enum CSV {
    public static func render(header: [String], rows: [[String]]) -> String {
        ([header] + rows).map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
    }

    static func field(_ text: String) -> String {
        // A leading =, +, - or @ would be run as a formula by spreadsheets; a leading apostrophe keeps it text.
        var text = text
        if let first = text.first, "=+-@".contains(first), Double(text) == nil { text = "'" + text }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
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
