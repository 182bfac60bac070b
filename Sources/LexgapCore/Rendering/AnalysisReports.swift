/// How the analysis commands print: a plain-text table, JSON (a stable contract), or RFC 4180 CSV.
public enum AnalysisFormat: String, Sendable, CaseIterable {
    case table, json, csv
}

struct ChecklistRef: Codable {
    var id: String
    var version: String
}

extension Checklist {
    var reference: ChecklistRef { ChecklistRef(id: id, version: version) }
}

/// Jurisdictions left out of a reading because their files do not record the law on its date.
struct NotRecordedJSON: Codable {
    var code: String, name: String, recorded_from: String

    static func list(_ entries: [some RecordedEntry]) -> [NotRecordedJSON] {
        entries.filter { !$0.isRecorded }.map {
            NotRecordedJSON(code: $0.code, name: $0.name, recorded_from: $0.recordedFrom?.description ?? "")
        }
    }

    /// "Left out (law not recorded on 2015-01-01): NL (recorded from 2024-07-01)." for tables; empty when none.
    static func sentence(_ entries: [some RecordedEntry], asOf: LegalDate) -> String {
        let left = list(entries)
        guard !left.isEmpty else { return "" }
        return "\nLeft out (law not recorded on \(asOf)): "
            + left.map { "\($0.code) (recorded from \($0.recorded_from))" }.joined(separator: ", ") + ".\n"
    }
}

/// A jurisdiction in a list that leaves out those whose law is not recorded on the date.
protocol RecordedEntry {
    var code: String { get }
    var name: String { get }
    var recordedFrom: LegalDate? { get }
    var isRecorded: Bool { get }
}

extension ScoreCard: RecordedEntry {
    var code: String { jurisdiction.code }
    var name: String { jurisdiction.name }
    var recordedFrom: LegalDate? { jurisdiction.recordedFrom }
}

/// " (weights: FILE)" or ", weights: FILE" when scores use a weights file; nothing for the checklist's weights.
func weightsLabel(_ file: String?, lead: String = "; ") -> String {
    file.map { "\(lead)weights: \($0)" } ?? ""
}

/// `lexgap score`: overall score, its range, coverage and category scores of each jurisdiction.
public struct ScoreReport: Sendable {
    /// The weights file the scores were computed with; nil for the checklist's own weights.
    public var weightsFile: String?
    public var lines: [ScoreLine]
    public var checklist: Checklist
    public var asOf: LegalDate

    public init(cards: [ScoreCard], checklist: Checklist, asOf: LegalDate) {
        self.init(lines: cards.map(ScoreLine.init), checklist: checklist, asOf: asOf)
    }

    public init(lines: [ScoreLine], checklist: Checklist, asOf: LegalDate) {
        self.lines = lines
        self.checklist = checklist
        self.asOf = asOf
    }

    struct JSON: Codable {
        struct Jurisdiction: Codable {
            var code: String, name: String, score: Nullable<Double>, score_low: Nullable<Double>, score_high: Nullable<Double>
            var coverage: Nullable<Double>
            var categories: [Category]
            var criteria: [Criterion]
        }
        struct Category: Codable { var id: String, weight: Int, score: Nullable<Double> }
        struct Criterion: Codable {
            var id: String, category: String, status: Status, weight: Int, value: Nullable<Double>, gain: Nullable<Double>
        }
        var checklist: ChecklistRef
        var as_of: String
        var weights: Nullable<String>
        var jurisdictions: ParallelJSONList<Jurisdiction>
        var not_recorded: [NotRecordedJSON]
    }

    public func render(_ format: AnalysisFormat, width: Int? = nil) -> String {
        let recorded = lines.filter(\.isRecorded)
        switch format {
        case .json:
            return JSONText.encode(
                JSON(
                    checklist: checklist.reference, as_of: asOf.description, weights: Nullable(weightsFile),
                    jurisdictions: ParallelJSONList(
                        recorded.map { line in
                            JSON.Jurisdiction(
                                code: line.code, name: line.name, score: Number.json(line.score), score_low: Number.json(line.scoreLow),
                                score_high: Number.json(line.scoreHigh), coverage: Number.json(line.coverage),
                                categories: line.categories.map { .init(id: $0.id, weight: $0.weight, score: Number.json($0.score)) },
                                criteria: line.criteria.map {
                                    .init(
                                        id: $0.id, category: $0.category, status: $0.status, weight: $0.weight, value: Nullable($0.value),
                                        gain: Number.json($0.gain))
                                })
                        }), not_recorded: NotRecordedJSON.list(lines)))
        case .csv, .table:
            let header =
                ["code", "name", "score", format == .csv ? "score_low" : "range"] + (format == .csv ? ["score_high"] : [])
                + ["coverage"] + checklist.categories.map(\.id)
            let rows = recorded.map { line in
                [line.code, line.name, Number.text(line.score)]
                    + (format == .csv ? [Number.text(line.scoreLow), Number.text(line.scoreHigh)] : [line.scoreRange ?? ""])
                    + [Number.text(line.coverage)] + line.categories.map { Number.text($0.score) }
            }
            if format == .csv { return CSV.render(header: header, rows: rows) }
            return "Scores as of \(asOf) (checklist \(checklist.id) \(checklist.version)\(weightsLabel(weightsFile)))\n\n"
                + TextTable(header: header.map { $0.uppercased() }, rows: rows.map { $0.map { $0.isEmpty ? "-" : $0 } }).rendered(
                    width: width)
                + NotRecordedJSON.sentence(lines, asOf: asOf)
        }
    }
}

/// What `score` prints of one jurisdiction: its numbers, without the law's text, so that the scores of thousands of
/// files fit in little memory.
public struct ScoreLine: Sendable, RecordedEntry {
    public struct CategoryLine: Sendable {
        public var id: String, weight: Int, score: Double?
    }

    public struct CriterionLine: Sendable {
        public var id: String, category: String, status: Status, weight: Int, value: Double?, gain: Double?
    }

    public var code: String
    public var name: String
    public var recordedFrom: LegalDate?
    public var isRecorded: Bool
    public var score: Double?, scoreLow: Double?, scoreHigh: Double?, coverage: Double?
    public var scoreRange: String?
    public var categories: [CategoryLine]
    public var criteria: [CriterionLine]

    public init(_ card: ScoreCard) {
        code = card.jurisdiction.code
        name = card.jurisdiction.name
        recordedFrom = card.jurisdiction.recordedFrom
        isRecorded = card.isRecorded
        (score, scoreLow, scoreHigh, coverage, scoreRange) = (card.score, card.scoreLow, card.scoreHigh, card.coverage, card.scoreRange)
        categories = card.categories.map { CategoryLine(id: $0.category.id, weight: $0.weight, score: $0.score) }
        criteria = card.criteria.map {
            CriterionLine(
                id: $0.reading.criterion.id, category: $0.reading.criterion.category, status: $0.reading.status, weight: $0.weight,
                value: $0.value, gain: $0.gain)
        }
    }
}

/// `lexgap gaps CODE`: what the law lacks, most severe first, with the reform and peers' model provisions.
public struct GapReport: Sendable {
    /// The weights file the scores were computed with; nil for the checklist's own weights.
    public var weightsFile: String?
    public var card: ScoreCard
    public var gaps: [Gap]
    public var checklist: Checklist

    public init(card: ScoreCard, peers: [ScoreCard], checklist: Checklist) {
        self.card = card
        self.gaps = Gap.gaps(of: card, peers: peers)
        self.checklist = checklist
    }

    struct JSON: Codable {
        struct Entry: Codable {
            var id: String, title: String, status: Status, weight: Int, gain: Nullable<Double>
            var finding: String, research_note: String, caveat: Nullable<String>
            /// The instrument id to amend, "new", or null when the file does not say.
            var amend: Nullable<String>
            var reform: String, recommendation: String
            var peers: [Peer]
        }
        struct Peer: Codable { var code: String, name: String, provisions: [ProvisionJSON] }
        var checklist: ChecklistRef
        var as_of: String
        var weights: Nullable<String>
        var code: String, name: String, score: Nullable<Double>, recorded: Bool
        var gaps: [Entry]
        var needs_research: [Entry]
    }

    public func render(_ format: AnalysisFormat, width: Int? = nil) -> String {
        let severe = gaps.filter { !$0.needsResearch }
        let research = gaps.filter(\.needsResearch)
        switch format {
        case .json:
            func entry(_ gap: Gap) -> JSON.Entry {
                JSON.Entry(
                    id: gap.criterion.id, title: gap.criterion.title, status: gap.status, weight: gap.weight,
                    gain: Number.json(gap.gain), finding: gap.reading.finding, research_note: gap.reading.researchNote,
                    caveat: Nullable(gap.reading.caveat), amend: Nullable(gap.reading.amend.map(ProvisionJSON.target)),
                    reform: gap.reform.uppercasedFirst, recommendation: gap.criterion.recommendation,
                    peers: gap.peers.map { peer in
                        JSON.Peer(code: peer.code, name: peer.name, provisions: peer.provisions.map(ProvisionJSON.init))
                    })
            }
            return JSONText.encode(
                JSON(
                    checklist: checklist.reference, as_of: card.asOf.description, weights: Nullable(weightsFile),
                    code: card.jurisdiction.code,
                    name: card.jurisdiction.name, score: Number.json(card.score), recorded: card.isRecorded,
                    gaps: severe.map(entry), needs_research: research.map(entry)))
        case .csv:
            return CSV.render(
                header: ["id", "title", "status", "weight", "gain", "needs_research", "finding", "reform", "peers"],
                rows: gaps.map { gap in
                    [
                        gap.criterion.id, gap.criterion.title, gap.status.rawValue, String(gap.weight), Number.text(gap.gain),
                        gap.needsResearch ? "yes" : "no", gap.reading.finding, gap.reform.uppercasedFirst, peerText(gap),
                    ]
                })
        case .table:
            var out =
                "Gaps in \(card.jurisdiction.name) (\(card.jurisdiction.code)) as of \(card.asOf)\(weightsLabel(weightsFile, lead: ", ")): score \(Number.text(card.score, missing: "-"))\n"
            guard card.isRecorded else {
                return out + "\nThe file records this jurisdiction's law from \(card.jurisdiction.recordedFrom?.description ?? "-") only.\n"
            }
            func section(_ title: String, _ list: [Gap]) {
                out += "\n\(title)\n"
                if list.isEmpty {
                    out += "  (none)\n"
                    return
                }
                for (index, gap) in list.enumerated() {
                    out += "\n\(index + 1). \(gap.criterion.id) \(gap.criterion.title)\n"
                    out += "   status \(gap.status.rawValue), weight \(gap.weight), +\(Number.text(gap.gain)) points if met\n"
                    if !gap.reading.finding.isEmpty { out += "   Finding: \(gap.reading.finding)\n" }
                    out += "   Reform: \(gap.reform.uppercasedFirst).\n"
                    if !gap.peers.isEmpty { out += "   Met in: \(peerText(gap))\n" }
                }
            }
            section("Gaps, most severe first", severe)
            section("Needs research (status unclear)", research)
            return out
        }
    }

    func peerText(_ gap: Gap) -> String {
        gap.peers.map { peer in
            let provisions = peer.provisions.map(\.inline).joined(separator: "; ")
            return provisions.isEmpty ? peer.code : "\(peer.code) (\(provisions))"
        }.joined(separator: "; ")
    }
}

/// A provision in JSON outputs: the law's name, its short form, the pinpoint and the line every text output prints.
struct ProvisionJSON: Codable {
    var instrument: String, short: String?, citation: String, section: String, url: String?, cite: String

    init(_ provision: CitedProvision) {
        instrument = provision.instrument.title
        short = provision.instrument.short
        citation = provision.instrument.citation
        section = provision.section
        url = provision.instrument.url
        cite = provision.inline
    }

    static func target(_ target: ReformTarget) -> String {
        switch target {
        case .amend(let id): return id
        case .newLegislation: return "new"
        }
    }
}

/// `lexgap compare`: criteria × jurisdictions, with category and overall rows.
public struct ComparisonReport: Sendable {
    /// The weights file the scores were computed with; nil for the checklist's own weights.
    public var weightsFile: String?
    public var cards: [ScoreCard]
    public var checklist: Checklist
    public var onlyDifferences: Bool

    /// Jurisdictions whose law is not recorded on the date, left out of the matrix.
    public var notRecorded: [ScoreCard]

    public init(cards: [ScoreCard], checklist: Checklist, onlyDifferences: Bool) {
        self.cards = cards.filter(\.isRecorded)
        notRecorded = cards.filter { !$0.isRecorded }
        self.checklist = checklist
        self.onlyDifferences = onlyDifferences
    }

    /// Criteria to show: all, or those on which the jurisdictions do not all agree.
    var criteria: [Criterion] {
        checklist.criteria.filter { criterion in
            !onlyDifferences || Set(cards.map { status($0, criterion) }).count > 1
        }
    }

    func status(_ card: ScoreCard, _ criterion: Criterion) -> Status {
        card.criteria.first { $0.reading.criterion.id == criterion.id }?.reading.status ?? .unclear
    }

    struct JSON: Codable {
        struct Row: Codable { var id: String, category: String, title: String, statuses: [String: Status] }
        struct CategoryRow: Codable { var id: String, title: String, scores: [String: Nullable<Double>] }
        var checklist: ChecklistRef
        var as_of: String
        var weights: Nullable<String>
        var jurisdictions: [String]
        var criteria: [Row]
        var categories: [CategoryRow]
        var overall: [String: Nullable<Double>]
        var coverage: [String: Nullable<Double>]
        var not_recorded: [NotRecordedJSON]
    }

    public func render(_ format: AnalysisFormat, width: Int? = nil) -> String {
        let codes = cards.map(\.jurisdiction.code)
        switch format {
        case .json:
            func byCode<T>(_ value: (ScoreCard) -> T) -> [String: T] {
                Dictionary(uniqueKeysWithValues: cards.map { ($0.jurisdiction.code, value($0)) })
            }
            return JSONText.encode(
                JSON(
                    checklist: checklist.reference, as_of: cards.first?.asOf.description ?? "", weights: Nullable(weightsFile),
                    jurisdictions: codes,
                    criteria: criteria.map { criterion in
                        .init(
                            id: criterion.id, category: criterion.category, title: criterion.title,
                            statuses: byCode { status($0, criterion) })
                    },
                    categories: checklist.categories.map { category in
                        .init(
                            id: category.id, title: category.title,
                            scores: byCode { card in
                                Number.json(card.categories.first { $0.category.id == category.id }?.score)
                            })
                    },
                    overall: byCode { Number.json($0.score) }, coverage: byCode { Number.json($0.coverage) },
                    not_recorded: NotRecordedJSON.list(notRecorded)))
        case .csv, .table:
            var rows = criteria.map { criterion in
                [criterion.id, criterion.category] + cards.map { status($0, criterion).rawValue }
            }
            rows += checklist.categories.map { category in
                ["category " + category.id, category.id]
                    + cards.map { card in
                        Number.text(card.categories.first { $0.category.id == category.id }?.score)
                    }
            }
            rows.append(["overall", ""] + cards.map { Number.text($0.score) })
            rows.append(["coverage", ""] + cards.map { Number.text($0.coverage) })
            let header = ["criterion", "category"] + codes
            if format == .csv { return CSV.render(header: header, rows: rows) }
            let asOf = (cards.first ?? notRecorded.first)?.asOf
            return
                "Comparison as of \(asOf?.description ?? "")\(weightsLabel(weightsFile, lead: ", "))\(onlyDifferences ? " (only criteria on which they differ)" : "")\n\n"
                + TextTable(header: header.map { $0.uppercased() }, rows: rows.map { $0.map { $0.isEmpty ? "-" : $0 } }).rendered(
                    width: width)
                + (asOf.map { NotRecordedJSON.sentence(notRecorded, asOf: $0) } ?? "")
        }
    }
}

/// `lexgap rank`: jurisdictions by overall score, with coverage and the ICMEC-style band.
public struct RankingReport: Sendable {
    /// The weights file the scores were computed with; nil for the checklist's own weights.
    public var weightsFile: String?
    public var ranking: Ranking
    public var checklist: Checklist
    public var asOf: LegalDate

    public init(ranking: Ranking, checklist: Checklist, asOf: LegalDate) {
        self.ranking = ranking
        self.checklist = checklist
        self.asOf = asOf
    }

    struct JSON: Codable {
        struct Entry: Codable {
            var rank: Int, code: String, name: String, score: Nullable<Double>, score_low: Nullable<Double>
            var score_high: Nullable<Double>, coverage: Nullable<Double>, icmec_core_met: Int
        }
        var checklist: ChecklistRef
        var as_of: String
        var weights: Nullable<String>
        var ranking: [Entry]
        var not_recorded: [NotRecordedJSON]
    }

    /// What every ranking says under its table.
    public static let onPaper = "The ranking measures the law on paper, not how it is enforced."

    public func render(_ format: AnalysisFormat, width: Int? = nil) -> String {
        let rows = ranking.entries.map { entry in
            [
                String(entry.rank), entry.card.jurisdiction.code, entry.card.jurisdiction.name, Number.text(entry.card.score),
                entry.card.scoreRange ?? "-", Number.text(entry.card.coverage), "\(entry.icmecBand)/5",
            ]
        }
        switch format {
        case .json:
            return JSONText.encode(
                JSON(
                    checklist: checklist.reference, as_of: asOf.description, weights: Nullable(weightsFile),
                    ranking: ranking.entries.map {
                        .init(
                            rank: $0.rank, code: $0.card.jurisdiction.code, name: $0.card.jurisdiction.name,
                            score: Number.json($0.card.score), score_low: Number.json($0.card.scoreLow),
                            score_high: Number.json($0.card.scoreHigh), coverage: Number.json($0.card.coverage),
                            icmec_core_met: $0.icmecBand)
                    }, not_recorded: NotRecordedJSON.list(ranking.notRecorded)))
        case .csv:
            return CSV.render(
                header: ["rank", "code", "name", "score", "score_low", "score_high", "coverage", "icmec_core_met"],
                rows: ranking.entries.map { entry in
                    [
                        String(entry.rank), entry.card.jurisdiction.code, entry.card.jurisdiction.name,
                        Number.text(entry.card.score), Number.text(entry.card.scoreLow), Number.text(entry.card.scoreHigh),
                        Number.text(entry.card.coverage), String(entry.icmecBand),
                    ]
                })
        case .table:
            return "Ranking as of \(asOf)\(weightsLabel(weightsFile, lead: ", "))\n\n"
                + TextTable(header: ["RANK", "CODE", "NAME", "SCORE", "RANGE", "COVERAGE", "ICMEC CORE"], rows: rows).rendered(width: width)
                + NotRecordedJSON.sentence(ranking.notRecorded, asOf: asOf)
                + "\nRANGE: the score with every unclear criterion counted absent, then met. \(Self.onPaper)\n"
        }
    }
}

/// `lexgap diff` and `lexgap timeline`: how the law changed.
public struct ChangeReport: Sendable {
    public enum Content: Sendable {
        case diff(LawDiff)
        case timeline(Jurisdiction, changes: [LawChange])
    }

    public var content: Content

    public init(_ content: Content) { self.content = content }

    struct Instrument: Codable { var id: String, citation: String, title: String }
    struct DiffJSON: Codable {
        struct Change: Codable { var id: String, title: String, from: Status, to: Status, instruments: [Instrument] }
        struct Unrecorded: Codable { var id: String, title: String }
        var code: String, from: String, to: String
        var score_from: Nullable<Double>, score_to: Nullable<Double>, score_delta: Nullable<Double>
        /// The date before which the file records nothing, when one of the dates falls before it.
        var recorded_from: Nullable<String>
        var changes: [Change]
        var not_recorded: [Unrecorded]
    }
    struct TimelineJSON: Codable {
        struct Change: Codable { var date: String, id: String, title: String, from: Status, to: Status, instruments: [Instrument] }
        var code: String
        var recorded_from: Nullable<String>
        var changes: [Change]
    }

    static func instruments(_ list: [LexgapCore.Instrument]) -> [Instrument] {
        list.map { Instrument(id: $0.id, citation: $0.citation, title: $0.title) }
    }

    /// The instruments by name: "Sexual Offences Act 2003 (SOA 2003); …".
    static func names(_ list: [LexgapCore.Instrument]) -> String { list.map(\.name).joined(separator: "; ") }

    public func render(_ format: AnalysisFormat, width: Int? = nil) -> String {
        switch content {
        case .diff(let diff):
            let code = diff.after.jurisdiction.code
            let notRecorded = diff.recordedFrom.map { "not recorded before \($0)" } ?? "not recorded"
            let rows = diff.entries.map { [$0.criterion.id, $0.from.status.rawValue, $0.to.status.rawValue, Self.names($0.instruments)] }
            switch format {
            case .json:
                return JSONText.encode(
                    DiffJSON(
                        code: code, from: diff.before.asOf.description, to: diff.after.asOf.description,
                        score_from: Number.json(diff.before.score), score_to: Number.json(diff.after.score),
                        score_delta: Number.json(diff.scoreDelta), recorded_from: Nullable(diff.recordedFrom?.description),
                        changes: diff.entries.map {
                            .init(
                                id: $0.criterion.id, title: $0.criterion.title, from: $0.from.status, to: $0.to.status,
                                instruments: Self.instruments($0.instruments))
                        },
                        not_recorded: diff.notRecorded.map { .init(id: $0.id, title: $0.title) }))
            case .csv:
                return CSV.render(
                    header: ["id", "from", "to", "instruments"],
                    rows: rows + diff.notRecorded.map { [$0.id, notRecorded, "", ""] })
            case .table:
                var out = "Changes in \(diff.after.jurisdiction.name) (\(code)) from \(diff.before.asOf) to \(diff.after.asOf)\n"
                out += "Score \(Number.text(diff.before.score, missing: "-")) -> \(Number.text(diff.after.score, missing: "-"))"
                if let delta = diff.scoreDelta { out += " (\(delta >= 0 ? "+" : "")\(Number.text(delta)))" }
                out += "\n\n"
                if let from = diff.recordedFrom {
                    out += "The file records this law from \(from) only: no change across the unrecorded period is reported.\n"
                    out += "Not recorded before \(from): \(diff.notRecorded.map(\.id).joined(separator: ", ")).\n"
                    return out
                }
                return out
                    + (rows.isEmpty
                        ? "No criterion changed status.\n"
                        : TextTable(header: ["CRITERION", "FROM", "TO", "CHANGED BY"], rows: rows).rendered(width: width))
            }
        case .timeline(let jurisdiction, let changes):
            let rows = changes.map { [$0.date.description, $0.criterion.id, $0.from.rawValue, $0.to.rawValue, Self.names($0.instruments)] }
            switch format {
            case .json:
                return JSONText.encode(
                    TimelineJSON(
                        code: jurisdiction.code, recorded_from: Nullable(jurisdiction.recordedFrom?.description),
                        changes: changes.map {
                            .init(
                                date: $0.date.description, id: $0.criterion.id, title: $0.criterion.title, from: $0.from, to: $0.to,
                                instruments: Self.instruments($0.instruments))
                        }))
            case .csv:
                return CSV.render(header: ["date", "id", "from", "to", "instruments"], rows: rows)
            case .table:
                let record =
                    jurisdiction.recordedFrom.map {
                        "The file records this law from \($0); each criterion's first recorded state is not a change.\n\n"
                    } ?? ""
                return "Dated changes in the law of \(jurisdiction.name) (\(jurisdiction.code))\n\n" + record
                    + (rows.isEmpty
                        ? "No dated change is recorded.\n"
                        : TextTable(header: ["DATE", "CRITERION", "FROM", "TO", "BY"], rows: rows.map { $0.map { $0.isEmpty ? "-" : $0 } })
                            .rendered(width: width))
            }
        }
    }
}

/// `lexgap sensitivity`: each jurisdiction's rank under alternative weightings.
public struct SensitivityReport: Sendable {
    /// The weights file the scores were computed with; nil for the checklist's own weights.
    public var weightsFile: String?
    public var sensitivity: Sensitivity
    public var asOf: LegalDate

    public init(sensitivity: Sensitivity, asOf: LegalDate) {
        self.sensitivity = sensitivity
        self.asOf = asOf
    }

    struct JSON: Codable {
        struct Scenario: Codable { var name: String, ranks: [String: Int] }
        struct Range: Codable { var code: String, base_rank: Int, best_rank: Int, worst_rank: Int }
        var as_of: String
        var weights: Nullable<String>
        var scenarios: [Scenario]
        var jurisdictions: [Range]
    }

    public func render(_ format: AnalysisFormat, width: Int? = nil) -> String {
        let header = ["code", "base_rank", "best_rank", "worst_rank"] + sensitivity.scenarios.map(\.name)
        let rows = sensitivity.ranges.map { range in
            [range.code, String(range.baseRank), String(range.bestRank), String(range.worstRank)]
                + sensitivity.scenarios.map { $0.ranks[range.code].map(String.init) ?? "" }
        }
        switch format {
        case .json:
            return JSONText.encode(
                JSON(
                    as_of: asOf.description, weights: Nullable(weightsFile),
                    scenarios: sensitivity.scenarios.map { .init(name: $0.name, ranks: $0.ranks) },
                    jurisdictions: sensitivity.ranges.map {
                        .init(code: $0.code, base_rank: $0.baseRank, best_rank: $0.bestRank, worst_rank: $0.worstRank)
                    }))
        case .csv:
            return CSV.render(header: header, rows: rows)
        case .table:
            return "Rank under alternative weights, as of \(asOf)\(weightsLabel(weightsFile, lead: ", base "))\n\n"
                + TextTable(header: header.map { $0.uppercased() }, rows: rows).rendered(width: width)
        }
    }
}
