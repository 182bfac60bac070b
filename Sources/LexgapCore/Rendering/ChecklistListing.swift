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
    public var table: String {
        TextTable(
            header: ["ID", "CATEGORY", "WEIGHT", "TITLE"],
            rows: criteria.map { [$0.id, $0.category, String($0.weight), $0.title] }
        ).rendered
    }
}

/// A left-aligned plain-text table with columns padded to their widest cell.
public struct TextTable: Sendable {
    public var header: [String]
    public var rows: [[String]]

    public init(header: [String], rows: [[String]]) {
        self.header = header
        self.rows = rows
    }

    public var rendered: String {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0 }
        return all.map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }
}
