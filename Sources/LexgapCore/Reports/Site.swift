/// A file of a rendered report or site, by its path relative to the output folder.
public struct OutputFile: Sendable, Equatable {
    public var path: String
    public var contents: String

    public init(path: String, contents: String) {
        self.path = path
        self.contents = contents
    }
}

/// A page of the site that is not a country report.
public enum SitePage {
    /// The index: ranking, chart of overall scores, heatmap.
    public struct Index: Encodable, Sendable {
        public var colophon: Colophon
        public var jurisdictionCount: String
        public var criteriaCount: String
        public var ranking: [RankingRow]
        /// "Left out, because this data set records their law only later: …"; nil when none is left out.
        public var notRecorded: String?
        /// The ranking measures the law on paper, not enforcement.
        public var onPaper: String
        public var scoreChart: BarChart
        /// Every jurisdiction on a tile-grid map of the world.
        public var map: TileMap
        public var regions: [RegionSummary]
        /// Columns grouped by region.
        public var heatmap: Heatmap
        public var links: SiteLinks
    }

    /// A line of the index's table of regions.
    public struct RegionSummary: Encodable, Sendable {
        public var name: String
        public var link: String
        /// "3 jurisdictions".
        public var count: String
        /// "41.2 to 78.0": the lowest and highest overall score; nil when none has a score.
        public var scores: String?
        /// "BD, IN, LK".
        public var codes: String
    }

    /// One region: its jurisdictions ranked among themselves, on a map and side by side, criterion by criterion.
    public struct RegionView: Encodable, Sendable {
        public var colophon: Colophon
        public var name: String
        /// "3 jurisdictions".
        public var count: String
        /// Ranks within the region, each row with its overall rank.
        public var ranking: [RankingRow]
        public var map: TileMap
        public var heatmap: Heatmap
        public var onPaper: String
        public var links: SiteLinks
    }

    /// One criterion: its rationale and standards, and every jurisdiction's answer.
    public struct CriterionView: Encodable, Sendable {
        public var colophon: Colophon
        public var id: String
        public var title: String
        public var question: String
        public var category: String
        public var weight: String
        public var why: String
        public var standards: [String]
        public var recommendation: String
        public var guidanceMet: String
        public var guidancePartial: String
        /// "OPSC: Art. 3(1)(c)", "ICMEC core criterion 4", one line each.
        public var crosswalk: [String]
        public var comparison: CriterionComparison
        public var links: SiteLinks
    }

    /// The checklist: every criterion by category.
    public struct ChecklistView: Encodable, Sendable {
        public struct Item: Encodable, Sendable {
            public var id: String, title: String, question: String, weight: String, link: String
        }
        public struct Group: Encodable, Sendable {
            public var id: String, title: String, weight: String
            public var criteria: [Item]
        }
        public var colophon: Colophon
        public var sources: [String]
        public var categories: [Group]
        public var links: SiteLinks
    }

    /// The scoring method.
    public struct MethodPageView: Encodable, Sendable {
        public var colophon: Colophon
        public var method: MethodView
        public var links: SiteLinks
    }

    /// The downloads and their codebook.
    public struct DataView: Encodable, Sendable {
        public struct Column: Encodable, Sendable { public var name: String, description: String }
        public struct Download: Encodable, Sendable {
            public var path: String, description: String
            public var columns: [Column]
        }
        public var colophon: Colophon
        public var downloads: [Download]
        public var links: SiteLinks
    }
}

/// The static website over a whole data set. What every page shares (score cards, ranking, peers) is computed once;
/// each page's view is made only when the page is rendered, and rendered pages go to the writer in batches, so
/// memory does not grow with the site. The writer stages them, so a broken template never leaves half a site.
///
/// Only a jurisdiction's own page shows its summary, notes, sources and history; the other pages need each
/// criterion's reading alone. So the site can be built from slimmed cards (`ScoreCard.slimmed`), each country page
/// reading its file again (`Reload`): memory then holds the readings of the data set, not its texts.
public struct Site: Sendable {
    /// One HTML page: where it goes, the template that presents it and the view it presents.
    public struct Page: Sendable {
        public var path: String
        public var template: String
        let make: @Sendable () throws(ReloadError) -> any Encodable & Sendable

        init(path: String, template: String, view: @escaping @Sendable () throws(ReloadError) -> any Encodable & Sendable) {
            self.path = path
            self.template = template
            make = view
        }

        public func view() throws(ReloadError) -> any Encodable & Sendable { try make() }
    }

    /// Gives back a slimmed card whole, its jurisdiction read again from its file.
    public typealias Reload = @Sendable (ScoreCard) throws(ReloadError) -> ScoreCard

    /// A file that could not be read again as it was when the site began (it was changed or removed meanwhile).
    public struct ReloadError: Error, Sendable {
        public var message: String
        public init(_ message: String) { self.message = message }
    }

    public var pages: [Page]
    /// The data downloads, rendered by the engine (CSV and JSON need no template), first and one at a time.
    let data: DataSet

    public init(checklist: Checklist, jurisdictions: [Jurisdiction], weights: Weights, asOf date: LegalDate) {
        self.init(
            checklist: checklist, cards: ScoreCard.cards(jurisdictions, checklist: checklist, asOf: date, weights: weights),
            weights: weights,
            asOf: date, reload: { $0 })
    }

    /// - Parameter reload: makes a card whole again for its country page, when `cards` are slimmed.
    public init(checklist: Checklist, cards unsorted: [ScoreCard], weights: Weights, asOf date: LegalDate, reload: @escaping Reload) {
        let allCards = unsorted.sorted { $0.jurisdiction.code < $1.jurisdiction.code }
        // A jurisdiction whose law is not recorded on the date has no page and no score: only a line saying so.
        let cards = allCards.filter(\.isRecorded)
        let ranking = Ranking(allCards)
        let left = ranking.notRecorded.map { card in
            "\(card.jurisdiction.name) (\(card.jurisdiction.code)) from \(card.jurisdiction.recordedFrom?.description ?? "-")"
        }
        let colophon = Colophon(checklist: checklist, asOf: date, weights: weights)
        let top = SiteLinks(depth: 0)
        let nested = SiteLinks(depth: 1)
        let regions = RegionGroups(cards)
        var pages: [Page] = []

        pages.append(
            Page(
                path: "index.html", template: "site-index.html",
                view: {
                    SitePage.Index(
                        colophon: colophon, jurisdictionCount: String(cards.count), criteriaCount: String(checklist.criteria.count),
                        ranking: RankingRow.rows(ranking, links: top, regions: regions),
                        notRecorded: left.isEmpty
                            ? nil : "Left out, because this data set records their law only later: \(listInProse(left)).",
                        onPaper: RankingReport.onPaper,
                        scoreChart: BarChart(
                            id: "scores", title: "Overall scores as of \(date)",
                            description: "One bar per jurisdiction, highest first, scored 0 to 100.",
                            series: ["score"], groups: ranking.entries.map { (label: $0.card.jurisdiction.name, scores: [$0.card.score]) }),
                        map: TileMap(id: "map", title: "Overall scores on a map of the world, as of \(date)", cards: cards, links: top),
                        regions: regions.groups.map { group in
                            let scores = group.cards.compactMap(\.score)
                            return SitePage.RegionSummary(
                                name: group.name, link: top.region(group.slug), count: Self.count(group.cards),
                                scores: Self.span(scores),
                                codes: group.cards.map(\.jurisdiction.code).joined(separator: ", "))
                        },
                        heatmap: Heatmap(cards: cards, checklist: checklist, links: top, regions: regions), links: top)
                }))
        // The country pages come between the index and the region pages, so that the index (the whole data set's
        // ranking and heatmap) renders beside small pages, not beside another page as large: at 10,000 jurisdictions
        // the two side by side were the site's peak of memory.
        let peers = Gap.PeerIndex(ranking.entries.map(\.card))
        for card in cards {
            pages.append(
                Page(
                    path: "jurisdictions/\(card.jurisdiction.code).html", template: "country.html",
                    view: { () throws(ReloadError) in
                        CountryReport(
                            card: try reload(card), ranking: ranking, peers: peers, checklist: checklist, weights: weights, links: nested)
                    }))
        }
        for group in regions.groups {
            pages.append(
                Page(
                    path: "regions/\(group.slug).html", template: "site-region.html",
                    view: {
                        SitePage.RegionView(
                            colophon: colophon, name: group.name, count: Self.count(group.cards),
                            ranking: RankingRow.rows(Ranking(group.cards), links: nested, overall: ranking),
                            map: TileMap(
                                id: "map", title: "\(group.name): overall scores as of \(date)", cards: group.cards, links: nested),
                            heatmap: Heatmap(cards: group.cards, checklist: checklist, links: nested), onPaper: RankingReport.onPaper,
                            links: nested)
                    }))
        }
        for (position, criterion) in checklist.criteria.enumerated() {
            pages.append(
                Page(
                    path: "criteria/\(criterion.id).html", template: "site-criterion.html",
                    view: {
                        SitePage.CriterionView(
                            colophon: colophon, id: criterion.id, title: criterion.title, question: criterion.question,
                            category: checklist.category(criterion.category)?.title ?? criterion.category,
                            weight: String(weights.weight(of: criterion)),
                            why: criterion.why, standards: criterion.standards, recommendation: criterion.recommendation,
                            guidanceMet: criterion.guidance.met, guidancePartial: criterion.guidance.partial,
                            crosswalk: Self.crosswalk(criterion.crosswalk),
                            comparison: CriterionComparison(criterion: criterion, index: position, cards: cards, links: nested),
                            links: nested)
                    }))
        }
        pages.append(
            Page(
                path: "checklist.html", template: "site-checklist.html",
                view: {
                    SitePage.ChecklistView(
                        colophon: colophon, sources: checklist.sources,
                        categories: checklist.categories.map { category in
                            .init(
                                id: category.id, title: category.title, weight: String(weights.weight(of: category)),
                                criteria: checklist.criteria.filter { $0.category == category.id }.map { criterion in
                                    .init(
                                        id: criterion.id, title: criterion.title, question: criterion.question,
                                        weight: String(weights.weight(of: criterion)), link: top.criterion(criterion.id))
                                })
                        }, links: top)
                }))
        pages.append(
            Page(
                path: "method.html", template: "site-method.html",
                view: {
                    SitePage.MethodPageView(colophon: colophon, method: MethodView(checklist: checklist, weights: weights), links: top)
                }))
        let data = DataSet(cards: cards, checklist: checklist, asOf: date)
        let listed = data.downloads
        pages.append(
            Page(
                path: "data.html", template: "site-data.html",
                view: { SitePage.DataView(colophon: colophon, downloads: listed, links: top) }))
        self.pages = pages
        self.data = data
    }

    /// Hands every file of the site to `write`, in a fixed order, or stops at the first template that fails.
    /// The downloads go first, each made and let go in turn while the heap is still unfragmented (at thousands of
    /// jurisdictions each is tens of megabytes); then the pages, which are independent, so each batch renders on all
    /// cores and only one batch is held at a time.
    public func render<Failure: Error>(
        with templates: TemplateSet, threads: Int = Corpus.defaultThreads, write: (OutputFile) throws(Failure) -> Void
    ) throws(SiteRenderError<Failure>) {
        for page in pages where !templates.contains(page.template) {
            throw .template(
                TemplateSet.RenderError(message: TemplateSet.MissingTemplate(name: page.template, searched: templates.searched).message))
        }
        do throws(Failure) { try data.write(write) } catch { throw .writing(error) }
        let batch = max(1, threads) * 16
        for start in stride(from: 0, to: pages.count, by: batch) {
            let rendered = Array(pages[start..<min(start + batch, pages.count)]).parallelMap(threads: threads) {
                page -> Result<OutputFile, SiteRenderError<Failure>> in
                let view: any Encodable & Sendable
                do throws(ReloadError) { view = try page.view() } catch { return .failure(.reading(error)) }
                do throws(TemplateSet.RenderError) {
                    return .success(OutputFile(path: page.path, contents: try templates.render(view, with: page.template)))
                } catch {
                    return .failure(.template(error))
                }
            }
            for result in rendered {
                switch result {
                case .success(let file):
                    do throws(Failure) { try write(file) } catch { throw .writing(error) }
                case .failure(let error): throw error
                }
            }
        }
    }

    /// "41.2 to 78.0", or one score alone.
    static func span(_ scores: [Double]) -> String? {
        guard let low = scores.min(), let high = scores.max() else { return nil }
        let (from, to) = (Number.text(low), Number.text(high))
        return from == to ? from : "\(from) to \(to)"
    }

    static func count(_ cards: [ScoreCard]) -> String { cards.count == 1 ? "1 jurisdiction" : "\(cards.count) jurisdictions" }

    static func crosswalk(_ crosswalk: Criterion.Crosswalk) -> [String] {
        let names = [
            "opsc": "Optional Protocol on the sale of children", "lanzarote": "Lanzarote Convention", "budapest": "Budapest Convention",
            "palermo": "Palermo Trafficking Protocol", "coe_trafficking": "CoE Anti-Trafficking Convention",
            "eu_2011_93": "EU Directive 2011/93/EU", "fatf": "FATF Recommendations",
            "budapest_2ap": "Second Additional Protocol to the Budapest Convention", "uncc": "UN Convention against Cybercrime",
            "eu_2011_36": "EU Directive 2011/36/EU", "eu_2024_1712": "EU Directive (EU) 2024/1712",
        ]
        var lines = Criterion.Crosswalk.treatyKeys.compactMap { key -> String? in
            guard let articles = crosswalk.articles[key], !articles.isEmpty else { return nil }
            return "\(names[key] ?? key): \(articles.joined(separator: ", "))"
        }
        lines += crosswalk.icmec.map { "ICMEC core criterion \($0)" }
        return lines
    }
}

/// Why a site could not be rendered: a template failed, a file could not be read again, or the writer failed.
public enum SiteRenderError<Failure: Error>: Error {
    case template(TemplateSet.RenderError)
    case reading(Site.ReloadError)
    case writing(Failure)
}

/// The data behind the site as downloads: scores (CSV and JSON, as `lexgap score` prints them) and the tidy tables of
/// `lexgap export`, with their codebook for the data page. The files are made only when written, one at a time.
struct DataSet: Sendable {
    let cards: [ScoreCard]
    let checklist: Checklist
    let date: LegalDate
    let downloads: [SitePage.DataView.Download]

    init(cards: [ScoreCard], checklist: Checklist, asOf date: LegalDate) {
        self.cards = cards
        self.checklist = checklist
        self.date = date
        // The codebook: the tables' names and columns, which do not depend on the rows.
        let export = DataExport(cards: [], checklist: checklist, asOf: date)
        downloads =
            [
                .init(
                    path: "data/scores.csv", description: "One row per jurisdiction: overall score, coverage and each category's score.",
                    columns: [
                        .init(name: "code", description: "ISO 3166 code of the jurisdiction."),
                        .init(name: "name", description: "Name of the jurisdiction."),
                        .init(name: "score", description: "Overall score, 0 to 100, one decimal; empty when no category has a score."),
                        .init(name: "score_low", description: "The score with every unclear criterion counted absent (equal to score)."),
                        .init(
                            name: "score_high",
                            description:
                                "The score with every unclear criterion counted met: the top of the range while research is missing."),
                        .init(name: "coverage", description: "Share of applicable criteria whose status is not unclear, 0 to 100."),
                        .init(
                            name: checklist.categories.map(\.id).joined(separator: ", "),
                            description: "One column per category of the checklist: its score, 0 to 100."),
                    ]),
                .init(
                    path: "data/scores.json",
                    description:
                        "The same scores with each criterion's status, weight, value and gain, as `lexgap score --format json` prints them (documented in docs/commands.md).",
                    columns: []),
            ]
            + export.tables.map { table in
                .init(
                    path: "data/\(table.name).csv", description: table.description,
                    columns: table.columns.map { .init(name: $0.name, description: $0.description) })
            }
    }

    func write<Failure: Error>(_ write: (OutputFile) throws(Failure) -> Void) throws(Failure) {
        let scores = ScoreReport(cards: cards, checklist: checklist, asOf: date)
        try write(OutputFile(path: "data/scores.csv", contents: scores.render(.csv)))
        try write(OutputFile(path: "data/scores.json", contents: scores.render(.json)))
        for table in DataExport(cards: cards, checklist: checklist, asOf: date).tables {
            try write(OutputFile(path: "data/\(table.name).csv", contents: table.csv))
        }
    }
}
