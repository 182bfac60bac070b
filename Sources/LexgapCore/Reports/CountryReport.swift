/// Everything a country report shows about one jurisdiction as of a date: computed here, presented by the
/// `country.*` templates (and by the site's jurisdiction pages).
public struct CountryReport: Encodable, Sendable {
    public struct JurisdictionView: Encodable, Sendable {
        public var code: String
        public var name: String
        public var region: String
        public var reviewed: String?
        /// The date from which the file records the law.
        public var recordedFrom: String?
        /// Set when the file is an unfinished draft: "Draft: this file is unfinished and not published."
        public var draft: String?
        public var summary: String?
    }

    public struct Headline: Encodable, Sendable {
        public var score: String
        /// "58.3–75.0": the score with every unclear criterion counted absent, then met; nil at full coverage.
        public var scoreRange: String?
        public var coverage: String
        /// "2 of 15", among the jurisdictions in the data set.
        public var rank: String
        /// "4 of 5": ICMEC core criteria met.
        public var icmec: String
        public var met: String
        public var assessed: String
        public var counts: [StatusCount]
    }

    public struct StatusCount: Encodable, Sendable {
        public var status: StatusView
        public var count: String
    }

    public struct CriterionRow: Encodable, Sendable {
        public var id: String
        public var title: String
        public var question: String
        public var weight: String
        public var status: StatusView
        public var provisions: [ProvisionView]
        /// The provisions as one line ("citation, section; ..."), for text formats.
        public var citations: String
        /// Public text: what the law provides and where it falls short.
        public var finding: String?
        /// The researchers' note: sources, doubts, what would settle it (shown apart, labelled).
        public var researchNote: String?
        /// Why the recorded status was not used as it stands (not recorded on the date, or its law not in force).
        public var caveat: String?
        /// The criterion's page, in a site.
        public var link: String?
    }

    public struct CategorySection: Encodable, Sendable {
        public var id: String
        public var title: String
        public var weight: String
        public var score: String
        public var criteria: [CriterionRow]
    }

    public struct Peer: Encodable, Sendable {
        public var code: String
        public var name: String
        public var provisions: [ProvisionView]
        /// The provisions as one line, for text formats.
        public var citations: String
        public var link: String?
    }

    public struct GapView: Encodable, Sendable {
        /// 1 for the most severe.
        public var position: String
        public var id: String
        public var title: String
        public var status: StatusView
        public var weight: String
        /// Points the overall score would gain if the criterion were met.
        public var gain: String
        /// The reform, as a sentence: "Amend the Extradition Law (P.D. No. 1069) to …", "Adopt legislation to …".
        public var reform: String
        public var finding: String?
        public var researchNote: String?
        public var caveat: String?
        /// The highest-scoring peers that meet it (at most five).
        public var peers: [Peer]
        /// How many peers meet it in all ("3").
        public var peerCount: String
        /// A sentence introducing `peers`: "Met in 12 other jurisdictions of this data set; the 5 highest-scoring:".
        public var peersSummary: String
        public var link: String?
    }

    public struct Change: Encodable, Sendable {
        public var date: String
        public var id: String
        public var title: String
        public var from: StatusView
        public var to: StatusView
        public var instruments: String
        public var link: String?
    }

    public var colophon: Colophon
    public var jurisdiction: JurisdictionView
    public var headline: Headline
    /// One paragraph an advocate can quote: what the law meets, its most severe gaps, what closing them is worth.
    public var advocacySummary: String
    public var categoryChart: BarChart
    /// Gaps in the law, most severe first (absent or partly met criteria).
    public var gaps: [GapView]
    /// Criteria whose status is unclear: the law may be adequate, research must settle it.
    public var research: [GapView]
    public var categories: [CategorySection]
    public var instruments: [InstrumentView]
    public var treaties: [TreatyView]
    /// Dated changes in the law, oldest first, up to the report's date.
    public var changes: [Change]
    public var sources: [SourceView]
    public var method: MethodView
    public var links: SiteLinks?

    /// How many gaps the advocacy summary names.
    static let summaryGapCount = 3

    /// - Parameters:
    ///   - card: the jurisdiction's score card.
    ///   - ranking: the ranking of the whole data set, for the jurisdiction's place and for the peers that meet
    ///     each criterion.
    /// How many peers a gap names: enough to point to model provisions, few enough that a report over thousands of
    /// jurisdictions stays readable (and linear to build).
    static let peerLimit = 5

    public init(card: ScoreCard, ranking: Ranking, checklist: Checklist, weights: Weights, links: SiteLinks? = nil) {
        self.init(
            card: card, ranking: ranking, peers: Gap.PeerIndex(ranking.entries.map(\.card)), checklist: checklist, weights: weights,
            links: links)
    }

    /// - Parameter peers: the index of who meets what, built once from `ranking` (highest score first).
    public init(
        card: ScoreCard, ranking: Ranking, peers index: Gap.PeerIndex, checklist: Checklist, weights: Weights, links: SiteLinks? = nil
    ) {
        let jurisdiction = card.jurisdiction
        let date = card.asOf
        colophon = Colophon(checklist: checklist, asOf: date, weights: weights)
        self.jurisdiction = JurisdictionView(
            code: jurisdiction.code, name: jurisdiction.name, region: jurisdiction.region,
            reviewed: jurisdiction.reviewed?.description, recordedFrom: jurisdiction.recordedFrom?.description,
            draft: jurisdiction.draft ? "Draft: this file is unfinished and is not published in rankings or briefs." : nil,
            summary: jurisdiction.summary)

        let statuses = card.criteria.map(\.reading.status)
        let applicable = statuses.filter { $0 != .notApplicable }
        let rank = ranking.rank(of: jurisdiction.code)
        headline = Headline(
            score: Number.text(card.score, missing: card.isRecorded ? "no score" : "not recorded"),
            scoreRange: card.scoreRange, coverage: Number.text(card.coverage, missing: "none"),
            rank: rank.map { "\($0) of \(ranking.entries.count)" } ?? "not ranked",
            icmec: "\(card.icmecCriteriaMet) of 5", met: String(statuses.count { $0 == .met }),
            assessed: String(applicable.count),
            counts: Status.allCases.compactMap { status in
                let count = statuses.count { $0 == status }
                return count == 0 ? nil : StatusCount(status: StatusView(status), count: String(count))
            })

        let allGaps = Gap.gaps(of: card, index: index, peerLimit: Self.peerLimit)
        func view(_ gap: Gap, _ position: Int) -> GapView {
            GapView(
                position: String(position), id: gap.criterion.id, title: gap.criterion.title, status: StatusView(gap.status),
                weight: String(gap.weight), gain: Number.text(gap.gain), reform: gap.reform.uppercasedFirst + ".",
                finding: gap.reading.finding.nonEmpty, researchNote: gap.reading.researchNote.nonEmpty, caveat: gap.reading.caveat,
                peers: gap.peers.map { peer in
                    let provisions = peer.provisions.map(ProvisionView.init)
                    return Peer(
                        code: peer.code, name: peer.name, provisions: provisions, citations: ProvisionView.line(provisions),
                        link: links?.jurisdiction(peer.code))
                },
                peerCount: String(gap.peerCount), peersSummary: Self.peersSummary(gap), link: links?.criterion(gap.criterion.id))
        }
        let severe = allGaps.filter { !$0.needsResearch }
        gaps = severe.enumerated().map { view($1, $0 + 1) }
        research = allGaps.filter(\.needsResearch).enumerated().map { view($1, $0 + 1) }
        advocacySummary = Self.summary(
            card: card, gaps: severe, research: allGaps.count - severe.count, checklist: checklist, weights: weights)

        categoryChart = BarChart(
            id: "categories-\(jurisdiction.code)", title: "Category scores, \(jurisdiction.name), as of \(date)",
            description: "One bar per category of the checklist, scored 0 to 100.",
            series: [jurisdiction.code],
            groups: card.categories.map { (label: $0.category.title, scores: [$0.score]) })

        categories = card.categories.map { category in
            CategorySection(
                id: category.category.id, title: category.category.title, weight: String(category.weight),
                score: Number.text(category.score, missing: "no score"),
                criteria: card.criteria.filter { $0.reading.criterion.category == category.category.id }.map { scored in
                    let reading = scored.reading
                    let provisions = reading.provisions.map(ProvisionView.init)
                    return CriterionRow(
                        id: reading.criterion.id, title: reading.criterion.title, question: reading.criterion.question,
                        weight: String(scored.weight), status: StatusView(reading.status),
                        provisions: provisions, citations: ProvisionView.line(provisions),
                        finding: reading.finding.nonEmpty, researchNote: reading.researchNote.nonEmpty, caveat: reading.caveat,
                        link: links?.criterion(reading.criterion.id))
                })
        }
        instruments = jurisdiction.instruments.map { InstrumentView($0, asOf: date) }
        treaties = checklist.treaties.compactMap { treaty in
            jurisdiction.treaties.first { $0.treaty == treaty.id }.map { TreatyView($0, checklist: checklist, asOf: date) }
        }
        changes = LawChange.timeline(jurisdiction, checklist: checklist).filter { $0.date <= date }.map { change in
            Change(
                date: change.date.description, id: change.criterion.id, title: change.criterion.title,
                from: StatusView(change.from), to: StatusView(change.to),
                instruments: change.instruments.map(\.name).joined(separator: "; "),
                link: links?.criterion(change.criterion.id))
        }
        sources = jurisdiction.sources.map(SourceView.init)
        method = MethodView(checklist: checklist, weights: weights)
        self.links = links
    }

    static func peersSummary(_ gap: Gap) -> String {
        switch gap.peerCount {
        case 0: return "No other jurisdiction in this data set meets it."
        case 1: return "Met in 1 other jurisdiction of this data set:"
        case let count where count > gap.peers.count:
            return "Met in \(count) other jurisdictions of this data set; the \(gap.peers.count) highest-scoring:"
        case let count: return "Met in \(count) other jurisdictions of this data set:"
        }
    }

    /// "The Philippines meets 27 of the 30 applicable criteria as of 2026-11-22 and partly meets 3. Its most severe
    /// gaps are ...; closing them would raise its score from 96.5 to 100.0."
    static func summary(card: ScoreCard, gaps: [Gap], research: Int, checklist: Checklist, weights: Weights) -> String {
        let name = card.jurisdiction.nameInProse
        guard card.isRecorded else {
            return
                "\(name.uppercasedFirst)'s law is not recorded in this data set before \(card.jurisdiction.recordedFrom?.description ?? "-")."
        }
        let statuses = card.criteria.map(\.reading.status)
        let applicable = statuses.count { $0 != .notApplicable }
        let met = statuses.count { $0 == .met }
        let partial = statuses.count { $0 == .partial }
        var text = "As of \(card.asOf.inWords), \(name) meets \(met) of the \(applicable) applicable criteria of the checklist"
        text += partial > 0 ? " and partly meets \(partial) more." : "."
        text += " Its overall score is \(Number.text(card.score, missing: "not computable")) out of 100."
        let top = Array(gaps.prefix(summaryGapCount))
        if top.isEmpty {
            text += " It has no gap on the criteria whose status is known."
        } else {
            // Named as gaps ("no offence covers …"), not by the criterion's positive title, where the checklist can.
            let names = top.map { gap in
                let phrase = gap.criterion.gapName(gap.status)
                return phrase == gap.criterion.title ? "“\(phrase)” (\(gap.criterion.id))" : "\(phrase) (\(gap.criterion.id))"
            }
            let closing = Set(top.map(\.criterion.id))
            var readings = card.criteria.map(\.reading)
            for index in readings.indices where closing.contains(readings[index].criterion.id) { readings[index].status = .met }
            let after = Scoring.scores(readings, checklist: checklist, weights: weights).overall
            text += top.count == 1 ? " Its most severe gap: " : " Its most severe gaps: "
            // Clauses with commas of their own are kept apart by semicolons.
            text += (names.count > 2 ? names.dropLast().joined(separator: "; ") + "; and " + names.last! : listInProse(names)) + "."
            text +=
                " Closing \(top.count == 1 ? "it" : "them") would raise the score from \(Number.text(card.score, missing: "none")) to \(Number.text(after, missing: "none"))."
        }
        if research > 0 {
            text +=
                " \(research) criteri\(research == 1 ? "on is" : "a are") unclear and need\(research == 1 ? "s" : "") research before the law can be judged on \(research == 1 ? "it" : "them")."
        }
        return text
    }
}
