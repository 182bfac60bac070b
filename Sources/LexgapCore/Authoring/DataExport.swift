/// The whole data set as tidy tables, as legal datasets are published: one row per jurisdiction × criterion, one per
/// instrument, one per treaty, each column described in a codebook.
public struct DataExport: Sendable {
    public struct Column: Sendable {
        public var name: String
        public var description: String
    }

    public struct Table: Sendable {
        public var name: String
        public var description: String
        public var columns: [Column]
        public var rows: [[String]]

        public var csv: String { CSV.render(header: columns.map(\.name), rows: rows) }
    }

    public enum Format: String, Sendable, CaseIterable {
        case csv, json
    }

    public var asOf: LegalDate
    public var checklist: Checklist
    public var tables: [Table]

    public init(_ jurisdictions: [Jurisdiction], checklist: Checklist, asOf date: LegalDate) {
        self.init(
            jurisdictions.map { ($0, AsOfReader.readings($0, checklist: checklist, asOf: date)) }, checklist: checklist, asOf: date)
    }

    /// From score cards, whose readings are already made (the site keeps only those, not each file's history).
    init(cards: [ScoreCard], checklist: Checklist, asOf date: LegalDate) {
        self.init(cards.map { ($0.jurisdiction, $0.criteria.map(\.reading)) }, checklist: checklist, asOf: date)
    }

    private init(_ read: [(jurisdiction: Jurisdiction, readings: [Reading])], checklist: Checklist, asOf date: LegalDate) {
        self.asOf = date
        self.checklist = checklist
        let sorted = read.sorted { $0.jurisdiction.code < $1.jurisdiction.code }
        var assessments: [[String]] = []
        for (jurisdiction, readings) in sorted {
            for reading in readings {
                assessments.append([
                    jurisdiction.code, reading.criterion.id, reading.criterion.category,
                    reading.isRecorded ? reading.status.rawValue : "not_recorded",
                    reading.since?.description ?? "", ProvisionView.line(reading.provisions.map(ProvisionView.init)),
                    reading.finding, reading.researchNote, reading.amend.map(ProvisionJSON.target) ?? "",
                    date.description, jurisdiction.reviewed?.description ?? "", jurisdiction.recordedFrom?.description ?? "",
                ])
            }
        }
        let instruments = sorted.map(\.jurisdiction).flatMap { jurisdiction in
            jurisdiction.instruments.map { instrument in
                [
                    jurisdiction.code, instrument.id, instrument.title, instrument.short ?? "", instrument.citation,
                    instrument.kind?.rawValue ?? "", instrument.enacted?.description ?? "", instrument.inForce?.description ?? "",
                    instrument.repealed?.description ?? "", instrument.url ?? "", instrument.urlUnavailable ?? "",
                    instrument.amendedBy.joined(separator: "; "),
                ]
            }
        }
        let treaties = sorted.map(\.jurisdiction).flatMap { jurisdiction in
            jurisdiction.treaties.map { treaty in
                [
                    jurisdiction.code, treaty.treaty, treaty.standing.rawValue, treaty.signed?.description ?? "",
                    treaty.consent?.kind.rawValue ?? "", treaty.consent?.date.description ?? "", treaty.note ?? "",
                ]
            }
        }
        let code = Column(name: "code", description: "ISO 3166 code of the jurisdiction.")
        tables = [
            Table(
                name: "assessments", description: "One row per jurisdiction and criterion: the law as of the date.",
                columns: [
                    code,
                    Column(name: "criterion", description: "Criterion id from the checklist."),
                    Column(name: "category", description: "Category id of the criterion."),
                    Column(
                        name: "status",
                        description:
                            "met, partial, absent, unclear or not_applicable, as of the date (unclear when no cited instrument was in force); not_recorded before the file's recorded_from."
                    ),
                    Column(
                        name: "since",
                        description: "The date from which the status holds (YYYY-MM-DD); empty when it holds from the start of the record."),
                    Column(
                        name: "provisions", description: "Title (short title) and section of each provision in force, separated by '; '."),
                    Column(name: "finding", description: "Public text: what the law provides and where it falls short."),
                    Column(name: "note", description: "The researchers' note: sources read, doubts, what would settle it."),
                    Column(
                        name: "amend",
                        description: "For a gap, the id of the instrument to amend, or 'new' for new legislation; empty when not given."),
                    Column(name: "as_of", description: "The date the law is read at (YYYY-MM-DD)."),
                    Column(name: "reviewed", description: "When the jurisdiction's file was last reviewed (YYYY-MM-DD)."),
                    Column(name: "recorded_from", description: "The date from which the file's history is complete (YYYY-MM-DD)."),
                ], rows: assessments),
            Table(
                name: "instruments", description: "One row per instrument (statute, code, regulation or case) relied on.",
                columns: [
                    code,
                    Column(name: "id", description: "The instrument's id within its file, as provisions cite it."),
                    Column(name: "title", description: "Official title."),
                    Column(name: "short", description: "Short title used in citations after the first; empty when not given."),
                    Column(name: "citation", description: "Official citation."),
                    Column(name: "kind", description: "statute, code, regulation, case or policy; empty when not given."),
                    Column(name: "enacted", description: "Date enacted (YYYY-MM-DD); empty when not confirmed."),
                    Column(name: "in_force", description: "Date in force (YYYY-MM-DD); empty when not confirmed."),
                    Column(name: "repealed", description: "Date repealed (YYYY-MM-DD); empty when in force."),
                    Column(name: "url", description: "Official address (http or https); empty when not known."),
                    Column(name: "url_unavailable", description: "Why no address is given; empty when there is one."),
                    Column(name: "amended_by", description: "Citations of the laws that amended it, separated by '; '."),
                ], rows: instruments),
            Table(
                name: "treaties", description: "One row per jurisdiction and treaty recorded.",
                columns: [
                    code,
                    Column(
                        name: "treaty",
                        description: "Treaty id from the checklist (\(checklist.treaties.map(\.id).joined(separator: ", ")))."),
                    Column(name: "standing", description: "party, signatory or not_party."),
                    Column(name: "signed", description: "Date of signature (YYYY-MM-DD); empty when not confirmed."),
                    Column(name: "consent", description: "ratified, acceded or succeeded; empty when the date is not confirmed."),
                    Column(name: "consent_date", description: "Date of ratification, accession or succession (YYYY-MM-DD)."),
                    Column(name: "note", description: "What the assessor could and could not confirm."),
                ], rows: treaties),
        ]
    }

    /// The files of the export: each table as `NAME.csv` (or all of them in `lexgap.json`), and `codebook.md`.
    public func files(_ format: Format) -> [OutputFile] {
        var files: [OutputFile]
        switch format {
        case .csv:
            files = tables.map { OutputFile(path: "\($0.name).csv", contents: $0.csv) }
        case .json:
            let object = JSONTables(
                as_of: asOf.description, checklist: checklist.reference,
                tables: Dictionary(
                    uniqueKeysWithValues: tables.map { table in
                        (table.name, table.rows.map { row in Dictionary(uniqueKeysWithValues: zip(table.columns.map(\.name), row)) })
                    }))
            files = [OutputFile(path: "lexgap.json", contents: JSONText.encode(object))]
        }
        return files + [OutputFile(path: "codebook.md", contents: codebook(format))]
    }

    struct JSONTables: Codable {
        var as_of: String
        var checklist: ChecklistRef
        var tables: [String: [[String: String]]]
    }

    func codebook(_ format: Format) -> String {
        var out = "# lexgap data export: codebook\n\n"
        out += "The law as of \(asOf), assessed against the checklist \"\(checklist.title)\" (\(checklist.id) \(checklist.version)). "
        out += "lexgap is a research aid, not legal advice: check the official text of the law before relying on any row.\n\n"
        out +=
            format == .csv
            ? "Each table is a CSV file (RFC 4180: UTF-8, comma-separated, CRLF line ends, a header row). Empty cells mean \"not recorded\".\n"
            : "`lexgap.json` holds `as_of`, `checklist` and `tables`: each table a list of rows, each row an object keyed by the column names below, every value a string (empty: not recorded).\n"
        for table in tables {
            out +=
                "\n## \(table.name)\(format == .csv ? ".csv" : "")\n\n\(table.description) \(table.rows.count) rows.\n\n| column | meaning |\n|---|---|\n"
            for column in table.columns { out += "| `\(column.name)` | \(column.description) |\n" }
        }
        return out
    }
}
