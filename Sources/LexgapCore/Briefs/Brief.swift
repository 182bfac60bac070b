/// The documents advocates file with human-rights bodies, drafted from the assessment of one jurisdiction.
public enum BriefKind: String, Sendable, CaseIterable {
    /// A stakeholder submission to the Universal Periodic Review.
    case upr
    /// A section of an alternative report to the Committee on the Rights of the Child on the OPSC.
    case crcOPSC = "crc-opsc"
    /// Suggested questions for the Committee's list of issues on the OPSC.
    case crcLOI = "crc-loi"
    /// Input to the US State Department's Trafficking in Persons report.
    case tip
    /// An annex: each criterion against the treaty articles and standards it rests on.
    case crosswalk

    /// The default word limit, if the body sets one: the UPR figures are those the issue gives for the OHCHR
    /// technical guidelines (see docs/briefs.md on checking them); the list of issues uses a thematic 3,000.
    public func defaultCap(joint: Bool) -> Int? {
        switch self {
        case .upr: return joint ? 5630 : 2815
        case .crcLOI: return 3000
        case .crcOPSC, .tip, .crosswalk: return nil
        }
    }
}

/// What the advocate supplies: who files, for which session, and the choices of style and period.
public struct BriefSettings: Sendable {
    public var organisations: [String] = []
    public var joint = false
    public var session: String?
    /// UPR keywords added to the defaults (or used alone when `defaultKeywords` is off).
    public var keywords: [String] = []
    public var defaultKeywords = true
    /// UPR: the date of the last review; changes since then are the "developments". Defaults to the previous
    /// review's date.
    public var since: LegalDate?
    /// UPR: the last review's recommendations, for the follow-up section.
    public var previous: PreviousReview?
    /// The year recommendations ask the reform to be made by.
    public var by: Int?
    /// TIP: the reporting period.
    public var from: LegalDate?
    public var to: LegalDate?
    public var style: CitationStyle = .oscola
    public var cap: Int?

    /// The defaults (unless turned off) and then the advocate's own, each once, in that order.
    var keywordList: [String] {
        var seen = Set<String>()
        return ((defaultKeywords ? Brief.defaultKeywords : []) + keywords).filter { seen.insert($0.lowercased()).inserted }
    }

    public init() {}
}

/// A drafted document: a header block, numbered paragraphs in sections with footnoted citations, optionally a table,
/// and its word count against the body's limit. Presented by `brief.md` (and so DOCX) and `brief.html`.
public struct Brief: Encodable, Sendable {
    public struct Field: Encodable, Sendable {
        public var label: String
        public var value: String
    }

    public struct Paragraph: Encodable, Sendable {
        /// Numbered through the whole document ("1", "2", …), as the bodies ask.
        public var number: String
        /// A bold lead-in ("Question", "Recommendation"), if any.
        public var label: String?
        public var text: String
        /// Footnote ids cited at the end of the paragraph.
        public var notes: [String]
    }

    public struct Section: Encodable, Sendable {
        public var title: String
        public var paragraphs: [Paragraph]
    }

    public struct Row: Encodable, Sendable {
        public var cells: [String]
    }

    public struct Table: Encodable, Sendable {
        public var title: String
        public var columns: [String]
        /// A Markdown separator cell per column ("---", longer for wider columns), which sets relative column widths
        /// in pandoc's Word output.
        public var rules: [String]
        public var rows: [Row]
    }

    public struct Footnote: Encodable, Sendable {
        public var id: String
        public var text: String
    }

    public var kind: String
    /// Set when the Markdown is for pandoc's Word writer: paragraphs become Word's numbered paragraphs, the notice
    /// that lexgap drafted the text becomes a note on the title, and a table gets a landscape page.
    public var forWord = false
    public var colophon: Colophon
    public var title: String
    public var header: [Field]
    public var sections: [Section]
    public var table: Table?
    public var footnotes: [Footnote]
    /// Words of the document's title, sections, table and footnotes.
    public var words: String
    /// The limit, if the body sets one.
    public var cap: String?
    /// Set when the draft is longer than the limit: "3,102 words; the limit is 2,815".
    public var overCap: String?
    /// The same as numbers, for the command's warning; not part of the view templates receive.
    public var wordCount: Int
    public var wordCap: Int?

    enum CodingKeys: String, CodingKey {
        case kind, forWord, colophon, title, header, sections, table, footnotes, words, cap, overCap
    }

    public init(kind: BriefKind, card: ScoreCard, checklist: Checklist, weights: Weights, settings: BriefSettings) {
        var draft = Draft(card: card, checklist: checklist, style: settings.style)
        let jurisdiction = card.jurisdiction
        let state = jurisdiction.nameInProse
        let date = card.asOf
        let year = settings.by ?? (date.year + (kind == .upr ? 4 : 2))
        let organisations = settings.organisations.isEmpty ? "[Organisation name]" : listInProse(settings.organisations)
        var fields = [Field(label: "Submitted by", value: organisations)]

        switch kind {
        case .upr:
            title = "Submission to the Universal Periodic Review of \(state)"
            // Five years back, or the earliest date lexgap reads when the law is read that early.
            let since =
                settings.since ?? settings.previous?.date ?? LegalDate(
                    year: max(date.year - 5, 1000), month: date.month, day: min(date.day, 28)) ?? date
            fields += [
                Field(label: "Type of submission", value: settings.joint ? "Joint submission" : "Individual submission"),
                Field(label: "State under review", value: jurisdiction.name),
                Field(label: "Session", value: settings.session ?? "[UPR session and date of the review]"),
                Field(label: "Keywords", value: settings.keywordList.joined(separator: "; ")),
            ]
            Self.introduce(&draft, by: organisations, what: "This submission", state: state, date: date, checklist: checklist)
            draft.section(
                "Summary",
                [
                    (
                        "",
                        CountryReport.summary(
                            card: card, gaps: draft.severe, research: draft.research.count, checklist: checklist, weights: weights), []
                    )
                ])
            draft.section("Follow-up to the previous review", Self.followUp(settings.previous, state: state))
            let changes = draft.developments(
                LawChange.timeline(jurisdiction, checklist: checklist).filter { $0.date > since && $0.date <= date })
            draft.section(
                "Developments since the last review",
                changes.isEmpty
                    ? [("", "No change in the law on these issues is recorded between \(since.inWords) and \(date.inWords).", [])] : changes
            )
            draft.section(
                "Gaps in the law", draft.severe.map { draft.gapParagraph($0) } + draft.research.map { draft.researchParagraph($0) })
            draft.section(
                "Implementation",
                [
                    (
                        "",
                        "[Add what the law alone cannot show: investigations, prosecutions and convictions, victims identified and assisted, the budget and staff of the responsible agencies, with sources.]",
                        []
                    )
                ])
            // Deadline first, as recommendations accepted at the review are phrased.
            draft.section("Recommendations", draft.severe.map { gap in ("", "By \(year), \(draft.reform(gap)).", []) })
        case .crcOPSC, .crcLOI:
            let questionsOnly = kind == .crcLOI
            title =
                questionsOnly
                ? "Suggested questions for the list of issues: Optional Protocol on the sale of children, child prostitution and child pornography (\(state))"
                : "Alternative report to the Committee on the Rights of the Child: Optional Protocol on the sale of children, child prostitution and child pornography (\(state))"
            fields += [
                Field(label: "State party", value: jurisdiction.name),
                Field(label: "Session", value: settings.session ?? "[Committee session]"),
            ]
            if !questionsOnly {
                Self.introduce(&draft, by: organisations, what: "This report", state: state, date: date, checklist: checklist)
            }
            for section in draft.frameworkSections("crc-opsc") {
                let gaps = draft.gaps(in: section.criteria, childrenOnly: true)
                var paragraphs: [(String, String, [CitedProvision])] = []
                for gap in gaps {
                    if !questionsOnly {
                        // Where the position of the law is not established, the draft asks; it neither states a gap
                        // nor recommends closing one.
                        var paragraph = gap.needsResearch ? draft.researchParagraph(gap) : draft.gapParagraph(gap)
                        if let articles = draft.opscArticles([gap.criterion]) { paragraph.1 += " (Optional Protocol, \(articles).)" }
                        paragraphs.append(paragraph)
                    }
                    paragraphs.append(("Question", draft.question(gap), questionsOnly ? draft.provisions(gap) : []))
                    if !questionsOnly, !gap.needsResearch {
                        paragraphs.append(("Recommendation", "The Committee recommends that the State party \(draft.reform(gap)).", []))
                    }
                }
                if paragraphs.isEmpty, !questionsOnly {
                    paragraphs.append(("", "The assessment finds no gap in the law under this heading.", []))
                }
                let criteria = section.criteria.compactMap { id in checklist.criteria.first { $0.id == id } }
                let heading =
                    draft.opscArticles(criteria, whole: true).map { "\(section.title) (Optional Protocol, \($0))" } ?? section.title
                if !paragraphs.isEmpty { draft.section(heading, paragraphs) }
            }
        case .tip:
            let (from, to) = Self.reportingPeriod(settings.from, settings.to, asOf: date)
            title = "Input to the Trafficking in Persons Report: \(state)"
            fields += [
                Field(label: "Country", value: jurisdiction.name),
                Field(label: "Reporting period", value: "\(from.inWords) to \(to.inWords)"),
            ]
            let changes = LawChange.timeline(jurisdiction, checklist: checklist).filter { $0.date >= from && $0.date <= to }
            for section in draft.frameworkSections("tip") {
                var paragraphs = draft.developments(changes.filter { section.criteria.contains($0.criterion.id) })
                if paragraphs.isEmpty {
                    paragraphs.append(("", "No change in the law under this heading is recorded for the reporting period.", []))
                }
                let gaps = draft.gaps(in: section.criteria)
                if !gaps.isEmpty {
                    paragraphs.append(
                        (
                            "",
                            "Gaps that remain: "
                                + gaps.map { gap in
                                    gap.status == .unclear
                                        ? "\(gap.criterion.title.lowercasedFirst) (not yet established)" : gap.criterion.gapName(gap.status)
                                }.joined(separator: "; ") + ".", gaps.flatMap { draft.provisions($0) }
                        ))
                }
                draft.section(section.title, paragraphs)
            }
            let priorities = Array(draft.severe.prefix(5))
            draft.section("Prioritized recommendations", priorities.map { gap in ("", "\(draft.reform(gap).uppercasedFirst).", []) })
        case .crosswalk:
            title = "Annex: the legislative checklist against treaty standards (\(state))"
            fields += [Field(label: "State", value: jurisdiction.name)]
            draft.section(
                "About this annex",
                [
                    (
                        "",
                        "Each criterion of the checklist “\(checklist.title)” (version \(checklist.version)) is set against the article of the Optional Protocol on the sale of children, the Lanzarote Convention and the Council of Europe Anti-Trafficking Convention that sets the standard, the core criterion of ICMEC's Global Review it corresponds to, and FATF Recommendation 15 where it applies, with the status of the law of \(state) on \(date.inWords).",
                        []
                    )
                ])
        }

        fields.append(Field(label: "The law as of", value: date.inWords))
        if kind == .crosswalk {
            table = Table(
                title: "Crosswalk",
                columns: [
                    "Criterion", "OPSC", "Lanzarote Convention", "CoE Anti-Trafficking Convention", "ICMEC core criteria", "FATF",
                    "Status in \(state)",
                ],
                rules: [32, 14, 14, 12, 10, 6, 10].map { String(repeating: "-", count: $0) },
                rows: card.criteria.map { scored in
                    let criterion = scored.reading.criterion
                    func articles(_ key: String) -> String { criterion.crosswalk.articles[key]?.joined(separator: "; ") ?? "–" }
                    let fatf = criterion.crosswalk.articles["fatf"]?.filter { $0.hasPrefix("R.15") } ?? []
                    return Row(cells: [
                        "\(criterion.id): \(criterion.title)", articles("opsc"), articles("lanzarote"), articles("coe_trafficking"),
                        criterion.crosswalk.icmec.isEmpty ? "–" : criterion.crosswalk.icmec.map(String.init).joined(separator: ", "),
                        fatf.isEmpty ? "–" : fatf.joined(separator: "; "), StatusView(scored.reading.status).label,
                    ])
                })
        } else {
            table = nil
        }
        self.kind = kind.rawValue
        colophon = Colophon(checklist: checklist, asOf: date, weights: weights)
        sections = draft.sections
        footnotes = draft.footnotes

        var text =
            title + " "
            + sections.map { section in
                section.title + " " + section.paragraphs.map { ($0.label ?? "") + " " + $0.text }.joined(separator: " ")
            }.joined(separator: " ")
        text += " " + (table.map { $0.columns.joined(separator: " ") + " " + $0.rows.flatMap(\.cells).joined(separator: " ") } ?? "")
        text += " " + footnotes.map(\.text).joined(separator: " ")
        let count = WordCount.count(text)
        let limit = settings.cap ?? kind.defaultCap(joint: settings.joint)
        wordCount = count
        wordCap = limit
        words = Self.grouped(count)
        cap = limit.map(Self.grouped)
        overCap = limit.flatMap { count > $0 ? "\(Self.grouped(count)) words; the limit is \(Self.grouped($0))" : nil }
        fields.append(
            Field(
                label: "Word count",
                value: limit.map { "\(Self.grouped(count)) of \(Self.grouped($0)) words" } ?? "\(Self.grouped(count)) words"))
        header = fields
    }

    /// What the criteria are measured against, no more than the checklist shows: "each set against …", or how many
    /// are, when some have no adopted international standard.
    /// The opening every filed report has: what it assesses and against what, and a placeholder for the
    /// organisation to introduce itself.
    static func introduce(
        _ draft: inout Draft, by organisations: String, what: String, state: String, date: LegalDate, checklist: Checklist
    ) {
        draft.section(
            "Introduction",
            [
                (
                    "",
                    "\(what) by \(organisations) concerns the legislation of \(state) on cybersex trafficking, the live-streamed sexual abuse of children and online child sexual exploitation. It assesses the law in force on \(date.inWords) against the \(checklist.criteria.count) criteria of the checklist “\(checklist.title)” (version \(checklist.version)), \(Self.grounding(checklist)), and cites the provision behind every finding.",
                    []
                )
            ])
        draft.section(
            "About the submitting organisation",
            [
                (
                    "",
                    "[Describe the submitting organisation: its mandate, its work on the online sexual exploitation of children, and whether it has consultative status. For a joint submission, name each organisation.]",
                    []
                )
            ])
    }

    static func grounding(_ checklist: Checklist) -> String {
        let grounded = checklist.criteria.filter { !$0.standards.isEmpty }.count
        if grounded == checklist.criteria.count { return "each set against the international standard that requires it" }
        return "\(grounded) of them set against the international standard that requires \(grounded == 1 ? "it" : "them")"
    }

    /// The follow-up section: each recommendation of the last review with the State's response and what the advocate
    /// observed, or a bracketed placeholder where the advocate has not said.
    static func followUp(_ previous: PreviousReview?, state: String) -> [(String, String, [CitedProvision])] {
        guard let previous, !previous.recommendations.isEmpty else {
            return [
                (
                    "",
                    "[List the recommendations \(state) received at its last review on these issues (number and text), whether it supported or noted each, and what has been done to implement it.]",
                    []
                )
            ]
        }
        let recommendations = previous.recommendations
        let supported = recommendations.filter { $0.response == .supported }.count
        let noted = recommendations.filter { $0.response == .noted }.count
        var opening =
            "At its last review, on \(previous.date.inWords), \(state) received \(recommendations.count) recommendation\(recommendations.count == 1 ? "" : "s") on these issues"
        if supported + noted > 0 { opening += ": it supported \(supported) and noted \(noted)" }
        var paragraphs: [(String, String, [CitedProvision])] = [("", opening + ".", [])]
        for recommendation in recommendations {
            let from = recommendation.from.map { " (\($0))" } ?? ""
            let response = recommendation.response.map { ", \($0.rawValue)" } ?? ""
            let implementation =
                recommendation.implementation
                ?? "[Describe what has been done to implement this recommendation, with sources.]"
            paragraphs.append(
                (
                    "",
                    "Recommendation \(recommendation.number)\(from)\(response): “\(recommendation.text)” \(implementation)", []
                ))
        }
        return paragraphs
    }

    public static let defaultKeywords = [
        "online sexual exploitation of children", "cybersex trafficking", "live-streamed child sexual abuse", "trafficking in persons",
    ]

    /// The TIP reporting period: the given dates, or else the last 1 April to 31 March that ended by the report's date.
    static func reportingPeriod(_ from: LegalDate?, _ to: LegalDate?, asOf date: LegalDate) -> (LegalDate, LegalDate) {
        let endYear = date.month >= 4 ? date.year : date.year - 1
        let end = to ?? LegalDate(year: endYear, month: 3, day: 31) ?? date
        let start = from ?? LegalDate(year: end.year - 1, month: 4, day: 1) ?? end
        return (start, end)
    }

    /// "2,815".
    static func grouped(_ number: Int) -> String {
        let digits = String(number)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out += "," }
            out.append(digit)
        }
        return out
    }
}

/// The paragraphs and footnotes of a brief as they are written, numbering paragraphs and footnotes as it goes.
struct Draft {
    let card: ScoreCard
    let checklist: Checklist
    let style: CitationStyle
    let severe: [Gap]
    let research: [Gap]
    var sections: [Brief.Section] = []
    var footnotes: [Brief.Footnote] = []
    var writer: FootnoteWriter
    var paragraphCount = 0
    /// Instruments a recommendation has already named in full.
    var named: Set<String> = []

    init(card: ScoreCard, checklist: Checklist, style: CitationStyle) {
        self.card = card
        self.checklist = checklist
        self.style = style
        writer = FootnoteWriter(style: style)
        let gaps = Gap.gaps(of: card, peers: [])
        severe = gaps.filter { !$0.needsResearch }
        research = gaps.filter(\.needsResearch)
    }

    var jurisdiction: Jurisdiction { card.jurisdiction }

    mutating func section(_ title: String, _ paragraphs: [(label: String, text: String, provisions: [CitedProvision])]) {
        var built: [Brief.Paragraph] = []
        for paragraph in paragraphs {
            paragraphCount += 1
            let notes = paragraph.provisions.isEmpty ? [] : [cite(paragraph.provisions)]
            built.append(
                Brief.Paragraph(
                    number: String(paragraphCount), label: paragraph.label.isEmpty ? nil : paragraph.label,
                    text: CitationStyle.withRangesInProse(paragraph.text), notes: notes))
        }
        sections.append(Brief.Section(title: title, paragraphs: built))
    }

    /// A new footnote citing `provisions`: each citation its own note, so that short forms and "Id." read in order.
    mutating func cite(_ provisions: [CitedProvision]) -> String {
        let text = writer.footnote(provisions.map(ProvisionView.init))
        let id = String(footnotes.count + 1)
        footnotes.append(Brief.Footnote(id: id, text: text))
        return id
    }

    func provisions(_ gap: Gap) -> [CitedProvision] { gap.reading.provisions }

    /// The reform a recommendation asks for: the law to amend in full the first time the draft names it, by its
    /// short form after, as a filing names it in the text.
    mutating func reform(_ gap: Gap) -> String {
        gap.reform { instrument in
            guard let short = instrument.short, named.contains(instrument.id) else {
                named.insert(instrument.id)
                return Gap.theName(of: instrument)
            }
            return short
        }
    }

    /// The gaps under `criteria`, in their order; for children only, each reduced to its child part.
    func gaps(in criteria: [String], childrenOnly: Bool = false) -> [Gap] {
        (severe + research).filter { criteria.contains($0.criterion.id) }.compactMap { childrenOnly ? $0.forChildren : $0 }
            .sorted { (criteria.firstIndex(of: $0.criterion.id) ?? 0) < (criteria.firstIndex(of: $1.criterion.id) ?? 0) }
    }

    /// The framework's sections, or one section per category when the checklist does not define the framework.
    /// The articles of the Optional Protocol the crosswalk sets against `criteria`, in the citation style: "arts 2(c)
    /// and 3(1)(c)", or with `whole`, the articles alone: "arts 2, 3 and 7". Remarks after an article are left out.
    func opscArticles(_ criteria: [Criterion], whole: Bool = false) -> String? {
        var articles: [String] = []
        for criterion in criteria {
            for article in criterion.crosswalk.articles["opsc"] ?? [] {
                var bare = article.components(separatedBy: " (")[0]
                if whole, let open = bare.firstIndex(of: "(") { bare = String(bare[..<open]) }
                if !articles.contains(bare) { articles.append(bare) }
            }
        }
        return articles.isEmpty ? nil : style.pinpoints(articles)
    }

    func frameworkSections(_ id: String) -> [ReportingFramework.Section] {
        if let framework = checklist.framework(id) { return framework.sections }
        return checklist.categories.map { category in
            ReportingFramework.Section(title: category.title, criteria: checklist.criteria.filter { $0.category == category.id }.map(\.id))
        }
    }

    /// A gap as a filing states it: the criterion, its status and the public finding (never the research note).
    /// What the law provides and where it falls short (the finding) first, then the standard it misses, so that the
    /// paragraph names the gap rather than the criterion's positive title.
    func gapParagraph(_ gap: Gap) -> (String, String, [CitedProvision]) {
        let verdict = gap.status == .absent ? "does not meet" : "only partly meets"
        let finding = gap.reading.finding.isEmpty ? "The law" : "\(gap.reading.finding) The law therefore"
        return ("", "\(finding) \(verdict) the standard “\(gap.criterion.title.uppercasedFirst)”.", provisions(gap))
    }

    func researchParagraph(_ gap: Gap) -> (String, String, [CitedProvision]) {
        let finding = gap.reading.finding.isEmpty ? "" : " \(gap.reading.finding)"
        return ("", "\(gap.criterion.title) — the position of the law is not yet established.\(finding)", provisions(gap))
    }

    func question(_ gap: Gap) -> String {
        "Please provide information on the measures taken or planned to \(gap.recommendedMeasure), and on their timetable."
    }

    /// Dated changes of status in the law, one paragraph per date: what took effect and what it changed. A change
    /// to or from `unclear` records the state of research, not of the law, and a state that only cites new
    /// provisions changes nothing, so neither is told.
    func developments(_ changes: [LawChange]) -> [(String, String, [CitedProvision])] {
        let real = changes.filter { change in
            change.from != change.to && change.from != .unclear && change.to != .unclear
        }
        var byDate: [(LegalDate, [LawChange])] = []
        for change in real {
            if let last = byDate.last, last.0 == change.date {
                byDate[byDate.count - 1].1.append(change)
            } else {
                byDate.append((change.date, [change]))
            }
        }
        return byDate.map { date, changes in
            var instruments: [String] = []
            for change in changes {
                for instrument in change.instruments where !instruments.contains(instrument.name) { instruments.append(instrument.name) }
            }
            let what = changes.map { change in
                "“\(change.criterion.title.lowercasedFirst)” became \(StatusView(change.to).label.lowercased()) (it had been \(StatusView(change.from).label.lowercased()))"
            }
            let by = instruments.isEmpty ? "" : " (\(instruments.joined(separator: "; ")))"
            var provisions: [CitedProvision] = []
            for change in changes {
                for provision in change.provisions where !provisions.contains(provision) { provisions.append(provision) }
            }
            return ("", "On \(date.inWords)\(by), the law changed: \(what.joined(separator: "; ")).", provisions)
        }
    }
}

extension String {
    /// The first sentence: up to the first ". " that is followed by a capital letter.
    var firstSentence: String {
        var text = self.trimmedOfWhitespace
        var index = text.startIndex
        while let range = text.range(of: ". ", range: index..<text.endIndex) {
            if let next = text[range.upperBound...].first, next.isUppercase {
                text = String(text[..<range.lowerBound])
                break
            }
            index = range.upperBound
        }
        return text.hasSuffix(".") ? String(text.dropLast()) : text
    }

    /// The first letter in lower case, unless the word is an acronym ("ICT", "VASPs").
    var lowercasedFirst: String {
        guard let first = first, first.isUppercase else { return self }
        if dropFirst().first?.isUppercase == true { return self }
        return first.lowercased() + dropFirst()
    }

    var uppercasedFirst: String {
        guard let first = first else { return self }
        return first.uppercased() + dropFirst()
    }
}
