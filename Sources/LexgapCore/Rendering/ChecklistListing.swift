import Foundation

/// The checklist as `lexgap checklist` prints it. The JSON field names are a public interface: scripts depend on them.
public struct ChecklistListing: Codable, Sendable {
    public struct CategoryEntry: Codable, Sendable {
        public var id: String
        public var title: String
        public var weight: Int
    }

    public struct CriterionEntry: Codable, Sendable {
        public var id: String
        public var category: String
        public var title: String
        public var question: String
        public var weight: Int
        public var why: String
        public var standards: [String]
        public var recommendation: String
    }

    public var id: String
    public var version: String
    public var categories: [CategoryEntry]
    public var criteria: [CriterionEntry]

    public init(_ checklist: Checklist) {
        id = checklist.id
        version = checklist.version
        categories = checklist.categories.map { CategoryEntry(id: $0.id, title: $0.title, weight: $0.weight) }
        criteria = checklist.criteria.map {
            CriterionEntry(
                id: $0.id, category: $0.category, title: $0.title, question: $0.question, weight: $0.weight,
                why: $0.why, standards: $0.standards, recommendation: $0.recommendation)
        }
    }

    public var json: String { JSONText.encode(self) }

    /// A plain-text table: id, category, weight, title.
    public func table(width: Int? = nil) -> String {
        TextTable(
            header: ["ID", "CATEGORY", "WEIGHT", "TITLE"],
            rows: criteria.map { [$0.id, $0.category, String($0.weight), $0.title] }
        ).rendered(width: width)
    }
}

/// A left-aligned plain-text table with columns padded to their widest cell.
public struct TextTable: Sendable {
    public var header: [String]
    public var rows: [[String]]

    /// Cells are shown with control characters escaped: a table goes to a terminal.
    public init(header: [String], rows: [[String]]) {
        self.header = header
        self.rows = rows.map { $0.map(\.escapingControlCharacters) }
    }

    /// The table as text. Given a `width` (a terminal's), the widest column is shortened, its cells ending in "…",
    /// until each line fits; numbers and ids in the other columns are never cut.
    public func rendered(width: Int? = nil) -> String {
        let all = [header] + rows
        var widths = header.indices.map { column in all.map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0 }
        if let width, let widest = widths.indices.max(by: { widths[$0] < widths[$1] }) {
            let total = widths.reduce(0, +) + 2 * (widths.count - 1)
            if total > width { widths[widest] = max(8, widths[widest] - (total - width)) }
        }
        return all.map { row in
            row.enumerated().map { column, cell in
                let fitted = cell.count > widths[column] ? String(cell.prefix(widths[column] - 1)) + "…" : cell
                return column == row.count - 1 ? fitted : fitted.padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }
}
