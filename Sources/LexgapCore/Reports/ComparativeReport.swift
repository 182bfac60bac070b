/// Criteria × jurisdictions, each cell a status shown by colour and by symbol, grouped by category.
public struct Heatmap: Encodable, Sendable {
    public struct Column: Encodable, Sendable {
        public var code: String
        public var name: String
        public var link: String?
    }

    public struct Cell: Encodable, Sendable {
        public var code: String
        public var status: StatusView
        /// The provisions as one line, for a tooltip; nil when none is cited.
        public var provisions: String?
    }

    public struct Row: Encodable, Sendable {
        public var id: String
        public var title: String
        public var link: String?
        public var cells: [Cell]
    }

    public struct Group: Encodable, Sendable {
        public var id: String
        public var title: String
        public var rows: [Row]
    }

    /// The regions over the columns, in their order.
    public struct Regions: Encodable, Sendable {
        public struct Span: Encodable, Sendable {
            public var name: String
            /// How many columns the region spans, for `colspan`.
            public var span: String
            public var link: String?
        }
        public var spans: [Span]
    }

    public var columns: [Column]
    /// Nil when the columns are not grouped by region.
    public var regions: Regions?
    /// The number of table columns (criterion plus one per jurisdiction), for a group heading's `colspan`.
    public var width: String
    public var groups: [Group]
    public var legend: [StatusView]
    /// The legend as one line, for text formats: "✓ Met · ◐ Partly met · …".
    public var legendText: String

    /// - Parameter regions: when given, the columns go region by region, under the region's name.
    init(cards unordered: [ScoreCard], checklist: Checklist, links: SiteLinks?, regions: RegionGroups? = nil) {
        let cards = regions.map { $0.groups.flatMap(\.cards) } ?? unordered
        self.regions = regions.map { regions in
            Regions(spans: regions.groups.map { .init(name: $0.name, span: String($0.cards.count), link: links?.region($0.slug)) })
        }
        width = String(cards.count + 1)
        columns = cards.map {
            Column(code: $0.jurisdiction.code, name: $0.jurisdiction.name, link: links?.jurisdiction($0.jurisdiction.code))
        }
        groups = checklist.categories.map { category in
            Group(
                id: category.id, title: category.title,
                rows: checklist.criteria.enumerated().filter { $0.element.category == category.id }.map { index, criterion in
                    Row(
                        id: criterion.id, title: criterion.title, link: links?.criterion(criterion.id),
                        cells: cards.map { card in
                            let reading = card.criteria[index].reading
                            let provisions = reading.provisions.map(ProvisionView.init)
                            return Cell(
                                code: card.jurisdiction.code, status: StatusView(reading.status),
                                provisions: provisions.isEmpty ? nil : ProvisionView.line(provisions))
                        })
                })
        }
        legend = StatusView.legend
        legendText = legend.map { "\($0.symbol) \($0.label)" }.joined(separator: " · ")
    }
}

/// One line of a ranking table.
public struct RankingRow: Encodable, Sendable {
    public var rank: String
    public var code: String
    public var name: String
    public var score: String
    /// "58.3–75.0": every unclear criterion counted absent, then met; nil at full coverage.
    public var scoreRange: String?
    public var coverage: String
    /// ICMEC core criteria met, "4 of 5".
    public var icmec: String
    public var reviewed: String?
    public var link: String?
    public var region: String
    /// The region's page on the site; nil elsewhere.
    public var regionLink: String?
    /// The rank among all jurisdictions, where `rank` is within a region; nil otherwise.
    public var overallRank: String?

    /// - Parameters:
    ///   - regions: the site's regions, to link each row to its region's page.
    ///   - overall: the ranking of every jurisdiction, when `ranking` is of one region only.
    static func rows(_ ranking: Ranking, links: SiteLinks?, regions: RegionGroups? = nil, overall: Ranking? = nil) -> [RankingRow] {
        ranking.entries.map { entry in
            let jurisdiction = entry.card.jurisdiction
            let slug = regions?.slug(of: jurisdiction)
            return RankingRow(
                rank: String(entry.rank), code: jurisdiction.code, name: jurisdiction.name,
                score: Number.text(entry.card.score, missing: "no score"),
                scoreRange: entry.card.scoreRange, coverage: Number.text(entry.card.coverage, missing: "none"),
                icmec: "\(entry.icmecBand) of 5",
                reviewed: jurisdiction.reviewed?.description, link: links?.jurisdiction(jurisdiction.code),
                region: RegionGroups.name(of: jurisdiction), regionLink: slug.flatMap { links?.region($0) },
                overallRank: overall?.rank(of: jurisdiction.code).map(String.init))
        }
    }
}

/// How each compared jurisdiction answers one criterion, and by which provisions.
public struct CriterionComparison: Encodable, Sendable {
    public struct Answer: Encodable, Sendable {
        public var code: String
        public var name: String
        public var status: StatusView
        public var provisions: [ProvisionView]
        /// The provisions as one line, for text formats.
        public var citations: String
        public var finding: String?
        public var researchNote: String?
        public var link: String?
    }

    public var id: String
    public var title: String
    public var question: String
    /// "2 of 3 meet it".
    public var tally: String
    public var answers: [Answer]
    public var link: String?

    init(criterion: Criterion, index: Int, cards: [ScoreCard], links: SiteLinks?) {
        id = criterion.id
        title = criterion.title
        question = criterion.question
        answers = cards.map { card in
            let reading = card.criteria[index].reading
            let provisions = reading.provisions.map(ProvisionView.init)
            return Answer(
                code: card.jurisdiction.code, name: card.jurisdiction.name, status: StatusView(reading.status),
                provisions: provisions, citations: ProvisionView.line(provisions),
                finding: reading.finding.nonEmpty, researchNote: reading.researchNote.nonEmpty,
                link: links?.jurisdiction(card.jurisdiction.code))
        }
        let met = cards.count { $0.criteria[index].reading.status == .met }
        tally = "\(met) of \(cards.count) meet\(met == 1 ? "s" : "") it"
        link = links?.criterion(criterion.id)
    }
}

/// A comparison of several jurisdictions for students: the heatmap, category scores side by side, who meets each
/// criterion and by which provision, and their ranking. Presented by the `comparison.*` templates.
public struct ComparativeReport: Encodable, Sendable {
    public var colophon: Colophon
    /// "Philippines, United States (federal) and United Kingdom (England and Wales)".
    public var title: String
    public var jurisdictions: [RankingRow]
    /// The jurisdictions compared on a tile-grid map.
    public var map: TileMap
    public var heatmap: Heatmap
    public var categoryChart: BarChart
    public var criteria: [CriterionComparison]
    public var method: MethodView
    /// "Left out: the law of the Netherlands (NL) is recorded from 2024-07-01 only." Nil when none is left out.
    public var notRecorded: String?
    /// The ranking measures the law on paper.
    public var onPaper: String

    /// - Parameter cards: the jurisdictions compared, in the order the user named them (columns keep that order;
    ///   the ranking orders by score). Those whose law is not recorded on the date are left out, and said so.
    public init(cards allCards: [ScoreCard], checklist: Checklist, weights: Weights, asOf date: LegalDate) {
        let cards = allCards.filter(\.isRecorded)
        let left = allCards.filter { !$0.isRecorded }.map { card in
            "\(card.jurisdiction.name) (\(card.jurisdiction.code)) from \(card.jurisdiction.recordedFrom?.description ?? "-")"
        }
        notRecorded = left.isEmpty ? nil : "Left out, because this data set records their law only later: \(listInProse(left))."
        onPaper = RankingReport.onPaper
        colophon = Colophon(checklist: checklist, asOf: date, weights: weights)
        title = listInProse(cards.map(\.jurisdiction.name))
        jurisdictions = RankingRow.rows(Ranking(cards), links: nil)
        map = TileMap(id: "map", title: "Overall scores on a map, as of \(date)", cards: cards, links: nil)
        heatmap = Heatmap(cards: cards, checklist: checklist, links: nil)
        categoryChart = BarChart(
            id: "categories", title: "Category scores as of \(date)",
            description: "For each category of the checklist, one bar per jurisdiction, scored 0 to 100.",
            series: cards.map(\.jurisdiction.code),
            groups: checklist.categories.enumerated().map { index, category in
                (label: category.title, scores: cards.map { $0.categories[index].score })
            })
        criteria = checklist.criteria.enumerated().map { index, criterion in
            CriterionComparison(criterion: criterion, index: index, cards: cards, links: nil)
        }
        method = MethodView(checklist: checklist, weights: weights)
    }
}
