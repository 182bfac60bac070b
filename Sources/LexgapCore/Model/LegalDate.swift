/// A calendar day, as statutes and treaty records give dates: no time, no time zone.
public struct LegalDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1000...9999).contains(year), (1...12).contains(month),
            (1...LegalDate.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    public static func < (lhs: LegalDate, rhs: LegalDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// "23 August 2022", as dates are written in the prose of a filing.
    public var inWords: String {
        let months = [
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
        ]
        return "\(day) \(months[month - 1]) \(year)"
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public enum Problem: Error, Equatable {
        case format
        case impossible

        func message(for text: String) -> String {
            switch self {
            case .format: return "invalid date '\(text)' (expected YYYY-MM-DD)"
            case .impossible: return "impossible date '\(text)'"
            }
        }
    }

    /// Parses exactly `YYYY-MM-DD`, rejecting days that do not exist (2023-02-30).
    public static func parse(_ text: String) -> Result<LegalDate, Problem> {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return .failure(.format) }
        guard let date = LegalDate(year: year, month: month, day: day) else { return .failure(.impossible) }
        return .success(date)
    }
}

extension LegalDate: Codable {
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard case .success(let date) = LegalDate.parse(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "invalid date '\(text)'")
        }
        self = date
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
