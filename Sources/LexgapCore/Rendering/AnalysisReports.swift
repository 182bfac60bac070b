/// How the analysis commands print: a plain-text table, JSON (a stable contract), or RFC 4180 CSV.
public enum AnalysisFormat: String, Sendable, CaseIterable {
    case table, json, csv
}

struct ChecklistRef: Codable { var id: String; var version: String }

extension Checklist {
    var reference: ChecklistRef { ChecklistRef(id: id, version: version) }
}

/// `lexgap score`: overall score, coverage and category scores of each jurisdiction.
public struct ScoreReport: Sendable {
    public var cards: [ScoreCard]
    public var checklist: Checklist
    public var asOf: LegalDate

    public init(cards: [ScoreCard], checklist: Checklist, asOf: LegalDate) {
        self.cards = cards
        self.checklist = checklist
        self.asOf = asOf
    }

    struct JSON: Codable {
        struct Jurisdiction: Codable {
            var code: String, name: String, score: Nullable<Double>, coverage: Nullable<Double>
            var categories: [Category]
            var criteria: [Criterion]
        }
        struct Category: Codable { var id: String, weight: Int, score: Nullable<Double> }
        struct Criterion: Codable { var id: String, category: String, status: Status, weight: Int, value: Nullable<Double>, gain: Nullable<Double> }
        var checklist: ChecklistRef
        var as_of: String
        var jurisdictions: [Jurisdiction]
    }

    public func render(_ format: AnalysisFormat, width: Int? = nil) -> String {
        switch format {
        case .json:
            return JSONText.encode(JSON(checklist: checklist.reference, as_of: asOf.description, jurisdictions: cards.map { card in
                JSON.Jurisdiction(
                    code: card.jurisdiction.code, name: card.jurisdiction.name, score: Number.json(card.score),
                    coverage: Number.json(card.coverage),
                    categories: card.categories.map { .init(id: $0.category.id, weight: $0.weight, score: Number.json($0.score)) },
                    criteria: card.criteria.map {
                        .init(id: $0.finding.criterion.id, category: $0.finding.criterion.category, status: $0.finding.status,
                              weight: $0.weight, value: Nullable($0.value), gain: Number.json($0.gain))
                    })
            }))
        case .csv, .table:
            let header = ["code", "name", "score", "coverage"] + checklist.categories.map(\.id)
            let rows = cards.map { card in
                [card.jurisdiction.code, card.jurisdiction.name, Number.text(card.score), Number.text(card.coverage)]
                    + card.categories.map { Number.text($0.score) }
            }
            if format == .csv { return CSV.render(header: header, rows: rows) }
            return "Scores as of \(asOf) (checklist \(checklist.id) \(checklist.version))\n\n"
                + TextTable(header: header.map { $0.uppercased() }, rows: rows.map { $0.map { $0.isEmpty ? "-" : $0 } }).rendered(width: width)
        }
    }
}

/// `lexgap gaps CODE`: what the law lacks, most severe first, with the reform and peers' model provisions.
public struct GapReport: Sendable {
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
            var recommendation: String, note: String
            var peers: [Peer]
        }
        struct Peer: Codable { var code: String, name: String, provisions: [Provision] }
        struct Provision: Codable { var instrument: String, citation: String, section: String, url: String? }
        var checklist: ChecklistRef
        var as_of: String
        var code: String, name: String, score: Nullable<Double>
        var gaps: [Entry]
        var needs_research: [Entry]
    }

    public func render(_ format: AnalysisFormat, width: Int? = nil) -> String {
        let severe = gaps.filter { !$0.needsResearch }, research = gaps.filter(\.needsResearch)
        switch format {
        case .json:
            func entry(_ gap: Gap) -> JSON.Entry {
                JSON.Entry(
                    id: gap.criterion.id, title: gap.criterion.title, status: gap.status, weight: gap.weight,
                    gain: Number.json(gap.gain), recommendation: gap.recommendation, note: gap.note,
                    peers: gap.peers.map { peer in
                        JSON.Peer(code: peer.code, name: peer.name, provisions: peer.provisions.map {
                            JSON.Provision(instrument: $0.instrument.title, citation: $0.instrument.citation, section: $0.section, url: $0.instrument.url)
                        })
                    })
            }
            return JSONText.encode(JSON(
                checklist: checklist.reference, as_of: card.asOf.description, code: card.jurisdiction.code,
                name: card.jurisdiction.name, score: Number.json(card.score), gaps: severe.map(entry), needs_research: research.map(entry)))
        case .csv:
            return CSV.render(
                header: ["id", "title", "status", "weight", "gain", "needs_research", "recommendation", "peers"],
                rows: gaps.map { gap in
                    [gap.criterion.id, gap.criterion.title, gap.status.rawValue, String(gap.weight), Number.text(gap.gain),
                     gap.needsResearch ? "yes" : "no", gap.recommendation, peerText(gap)]
                })
        case .table:
            var out = "Gaps in \(card.jurisdiction.name) (\(card.jurisdiction.code)) as of \(card.asOf): score \(Number.text(card.score, missing: "-"))\n"
            func section(_ title: String, _ list: [Gap]) {
                out += "\n\(title)\n"
                if list.isEmpty { out += "  (none)\n"; return }
                for (index, gap) in list.enumerated() {
                    out += "\n\(index + 1). \(gap.criterion.id) \(gap.criterion.title)\n"
                    out += "   status \(gap.status.rawValue), weight \(gap.weight), +\(Number.text(gap.gain)) points if met\n"
                    out += "   Reform: \(gap.recommendation)\n"
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
            let provisions = peer.provisions.map { "\($0.instrument.citation) \($0.section)" }.joined(separator: "; ")
            return provisions.isEmpty ? peer.code : "\(peer.code) (\(provisions))"
        }.joined(separator: "; ")
    }
}

/// `lexgap compare`: criteria × jurisdictions, with category and overall rows.
public struct ComparisonReport: Sendable {
    public var cards: [ScoreCard]
    public var checklist: Checklist
    public var onlyDifferences: Bool

    public init(cards: [ScoreCard], checklist: Checklist, onlyDifferences: Bool) {
        self.cards = cards
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
        card.criteria.first { $0.finding.criterion.id == criterion.id }?.finding.status ?? .unclear
    }

    struct JSON: Codable {
        struct Row: Codable { var id: String, category: String, title: String, statuses: [String: Status] }
        struct CategoryRow: Codable { var id: String, title: String, scores: [String: Nullable<Double>] }
        var checklist: ChecklistRef
        var as_of: String
        var jurisdictions: [String]
        var criteria: [Row]
        var categories: [CategoryRow]
        var overall: [String: Nullable<Double>]
        var coverage: [String: Nullable<Double>]
    }

    public func render(_ format: AnalysisFormat, width: Int? = nil) -> String {
        let codes = cards.map(\.jurisdiction.code)
        switch format {
        case .json:
            func byCode<T>(_ value: (ScoreCard) -> T) -> [String: T] {
                Dictionary(uniqueKeysWithValues: cards.map { ($0.jurisdiction.code, value($0)) })
            }
            return JSONText.encode(JSON(
                checklist: checklist.reference, as_of: cards.first?.asOf.description ?? "", jurisdictions: codes,
                criteria: criteria.map { criterion in
                    .init(id: criterion.id, category: criterion.category, title: criterion.title, statuses: byCode { status($0, criterion) })
                },
                categories: checklist.categories.map { category in
                    .init(id: category.id, title: category.title, scores: byCode { card in
                        Number.json(card.categories.first { $0.category.id == category.id }?.score)
                    })
                },
                overall: byCode { Number.json($0.score) }, coverage: byCode { Number.json($0.coverage) }))
        case .csv, .table:
            var rows = criteria.map { criterion in
                [criterion.id, criterion.category] + cards.map { status($0, criterion).rawValue }
            }
            rows += checklist.categories.map { category in
                ["category " + category.id, category.id] + cards.map { card in
                    Number.text(card.categories.first { $0.category.id == category.id }?.score)
                }
            }
            rows.append(["overall", ""] + cards.map { Number.text($0.score) })
            rows.append(["coverage", ""] + cards.map { Number.text($0.coverage) })
            let header = ["criterion", "category"] + codes
            if format == .csv { return CSV.render(header: header, rows: rows) }
            return "Comparison as of \(cards.first?.asOf.description ?? "")\(onlyDifferences ? " (only criteria on which they differ)" : "")\n\n"
                + TextTable(header: header.map { $0.uppercased() }, rows: rows.map { $0.map { $0.isEmpty ? "-" : $0 } }).rendered(width: width)
        }
    }
}

/// `lexgap rank`: jurisdictions by overall score, with coverage and the ICMEC-style band.
public struct RankingReport: Sendable {
    public var ranking: Ranking
    public var checklist: Checklist
    public var asOf: LegalDate

    public init(ranking: Ranking, checklist: Checklist, asOf: LegalDate) {
        self.ranking = ranking
        self.checklist = checklist
        self.asOf = asOf
    }

    struct JSON: Codable {
        struct Entry: Codable { var rank: Int, code: String, name: String, score: Nullable<Double>, coverage: Nullable<Double>, icmec_core_met: Int }
        var checklist: ChecklistRef
        var as_of: String
        var ranking: [Entry]
    }

    public func render(_ format: AnalysisFormat, width: Int? = nil) -> String {
        let rows = ranking.entries.map { entry in
            [String(entry.rank), entry.card.jurisdiction.code, entry.card.jurisdiction.name, Number.text(entry.card.score),
             Number.text(entry.card.coverage), "\(entry.icmecBand)/5"]
        }
        switch format {
        case .json:
            return JSONText.encode(JSON(checklist: checklist.reference, as_of: asOf.description, ranking: ranking.entries.map {
                .init(rank: $0.rank, code: $0.card.jurisdiction.code, name: $0.card.jurisdiction.name,
                      score: Number.json($0.card.score), coverage: Number.json($0.card.coverage), icmec_core_met: $0.icmecBand)
            }))
        case .csv:
            return CSV.render(header: ["rank", "code", "name", "score", "coverage", "icmec_core_met"],
                              rows: ranking.entries.map { entry in
                                  [String(entry.rank), entry.card.jurisdiction.code, entry.card.jurisdiction.name,
                                   Number.text(entry.card.score), Number.text(entry.card.coverage), String(entry.icmecBand)]
                              })
        case .table:
            return "Ranking as of \(asOf)\n\n"
                + TextTable(header: ["RANK", "CODE", "NAME", "SCORE", "COVERAGE", "ICMEC CORE"], rows: rows).rendered(width: width)
        }
    }
}

/// `lexgap diff` and `lexgap timeline`: how the law changed.
public struct ChangeReport: Sendable {
    public enum Content: Sendable {
        case diff(LawDiff)
        case timeline(code: String, name: String, changes: [LawChange])
    }

    public var content: Content

    public init(_ content: Content) { self.content = content }

    struct Instrument: Codable { var id: String, citation: String, title: String }
    struct DiffJSON: Codable {
        struct Change: Codable { var id: String, title: String, from: Status, to: Status, instruments: [Instrument] }
        var code: String, from: String, to: String
        var score_from: Nullable<Double>, score_to: Nullable<Double>, score_delta: Nullable<Double>
        var changes: [Change]
    }
    struct TimelineJSON: Codable {
        struct Change: Codable { var date: String, id: String, title: String, from: Nullable<Status>, to: Status, instruments: [Instrument] }
        var code: String
        var changes: [Change]
    }

    static func instruments(_ list: [LexgapCore.Instrument]) -> [Instrument] {
        list.map { Instrument(id: $0.id, citation: $0.citation, title: $0.title) }
    }

    static func citations(_ list: [LexgapCore.Instrument]) -> String { list.map(\.citation).joined(separator: "; ") }

    public func render(_ format: AnalysisFormat, width: Int? = nil) -> String {
        switch content {
        case .diff(let diff):
            let code = diff.after.jurisdiction.code
            let rows = diff.entries.map { [$0.criterion.id, $0.from.status.rawValue, $0.to.status.rawValue, Self.citations($0.instruments)] }
            switch format {
            case .json:
                return JSONText.encode(DiffJSON(
                    code: code, from: diff.before.asOf.description, to: diff.after.asOf.description,
                    score_from: Number.json(diff.before.score), score_to: Number.json(diff.after.score),
                    score_delta: Number.json(diff.scoreDelta),
                    changes: diff.entries.map {
                        .init(id: $0.criterion.id, title: $0.criterion.title, from: $0.from.status, to: $0.to.status, instruments: Self.instruments($0.instruments))
                    }))
            case .csv:
                return CSV.render(header: ["id", "from", "to", "instruments"], rows: rows)
            case .table:
                var out = "Changes in \(diff.after.jurisdiction.name) (\(code)) from \(diff.before.asOf) to \(diff.after.asOf)\n"
                out += "Score \(Number.text(diff.before.score, missing: "-")) -> \(Number.text(diff.after.score, missing: "-"))"
                if let delta = diff.scoreDelta { out += " (\(delta >= 0 ? "+" : "")\(Number.text(delta)))" }
                out += "\n\n"
                return out + (rows.isEmpty ? "No criterion changed status.\n"
                    : TextTable(header: ["CRITERION", "FROM", "TO", "CHANGED BY"], rows: rows).rendered(width: width))
            }
        case .timeline(let code, let name, let changes):
            let rows = changes.map { [$0.date.description, $0.criterion.id, $0.from?.rawValue ?? "", $0.to.rawValue, Self.citations($0.instruments)] }
            switch format {
            case .json:
                return JSONText.encode(TimelineJSON(code: code, changes: changes.map {
                    .init(date: $0.date.description, id: $0.criterion.id, title: $0.criterion.title, from: Nullable($0.from), to: $0.to,
                          instruments: Self.instruments($0.instruments))
                }))
            case .csv:
                return CSV.render(header: ["date", "id", "from", "to", "instruments"], rows: rows)
            case .table:
                return "Dated changes in the law of \(name) (\(code))\n\n" + (rows.isEmpty ? "No dated change is recorded.\n"
                    : TextTable(header: ["DATE", "CRITERION", "FROM", "TO", "BY"], rows: rows.map { $0.map { $0.isEmpty ? "-" : $0 } }).rendered(width: width))
            }
        }
    }
}

/// `lexgap sensitivity`: each jurisdiction's rank under alternative weightings.
public struct SensitivityReport: Sendable {
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
            return JSONText.encode(JSON(
                as_of: asOf.description, scenarios: sensitivity.scenarios.map { .init(name: $0.name, ranks: $0.ranks) },
                jurisdictions: sensitivity.ranges.map { .init(code: $0.code, base_rank: $0.baseRank, best_rank: $0.bestRank, worst_rank: $0.worstRank) }))
        case .csv:
            return CSV.render(header: header, rows: rows)
        case .table:
            return "Rank under alternative weights, as of \(asOf)\n\n" + TextTable(header: header.map { $0.uppercased() }, rows: rows).rendered(width: width)
        }
    }
}
