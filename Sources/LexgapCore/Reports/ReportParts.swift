// The parts that every report view is made of. Each is computed here, in the engine, so that a template only places
// text; every value a template prints is a String (numbers formatted, dates ISO), so no template ever formats data.

/// What lexgap says about itself in every report: a research aid, the checklist used, the date the law is read at.
public struct Colophon: Encodable, Sendable {
    public var tool: String
    public var checklist: String
    public var checklistVersion: String
    /// The date the law is read as of; also the report's date (no report reads the clock).
    public var asOf: String
    /// The same date as prose gives it: "29 November 2026".
    public var asOfInWords: String
    public var disclaimer: String
    /// Set when scores use a weights file: "Scores use the weights in FILE, not the checklist's."
    public var weightsNote: String?

    public static let disclaimerText =
        "lexgap is a research aid, not legal advice. Its assessments are one reading of the statutes, made from the "
        + "sources each jurisdiction file lists; check the official text of the law before relying on any of them."

    init(checklist: Checklist, asOf: LegalDate, weights: Weights = .checklist) {
        tool = "lexgap \(Release.version)"
        self.checklist = checklist.title
        checklistVersion = checklist.version
        self.asOf = asOf.description
        asOfInWords = asOf.inWords
        disclaimer = Self.disclaimerText
        weightsNote = weights.source.map { "Scores use the weights in \($0), not the checklist's." }
    }
}

/// The lexgap version printed by `--version` and in every report.
public enum Release {
    public static let version = "0.2.0"
}

/// How a status reads: a word, and a symbol so that charts and tables never depend on colour alone.
public struct StatusView: Encodable, Sendable {
    /// The file's spelling (`met`, `not_applicable`), also usable as a CSS class suffix.
    public var code: String
    public var label: String
    public var symbol: String

    public init(_ status: Status) {
        code = status.rawValue
        switch status {
        case .met: (label, symbol) = ("Met", "✓")
        case .partial: (label, symbol) = ("Partly met", "◐")
        case .absent: (label, symbol) = ("Absent", "✗")
        case .unclear: (label, symbol) = ("Unclear", "?")
        case .notApplicable: (label, symbol) = ("Not applicable", "–")
        }
    }

    static let legend = Status.allCases.map(StatusView.init)
}

/// A pinpoint citation: the instrument and its section.
public struct ProvisionView: Encodable, Sendable {
    /// The law's title.
    public var instrument: String
    public var short: String?
    public var citation: String
    public var section: String
    /// "Title (short), section": what every output prints, never the citation string alone.
    public var cite: String
    /// "Short, section" (the title when there is no short form): for tables that set many provisions side by side.
    public var shortCite: String
    /// The instrument's official address; only ever an http(s) URL.
    public var url: String?

    init(_ provision: CitedProvision) {
        instrument = provision.instrument.title
        short = provision.instrument.short
        citation = provision.instrument.citation
        section = provision.section
        cite = provision.inline
        let name = provision.instrument.name
        shortCite = provision.section.isEmpty ? name : "\(name), \(provision.section)"
        url = provision.instrument.url.flatMap(safeLink)
    }

    /// "Title (short), section; title, section", for text formats.
    static func line(_ provisions: [ProvisionView]) -> String {
        provisions.map(\.cite).joined(separator: "; ")
    }
}

/// A statute, code or regulation the assessments rely on, with its dates.
public struct InstrumentView: Encodable, Sendable {
    public var id: String
    public var title: String
    public var short: String?
    public var citation: String
    public var kind: String?
    public var enacted: String?
    public var inForce: String?
    public var repealed: String?
    public var url: String?
    /// "not yet in force on this date" or "repealed by this date" (the report's date); nil when in force.
    public var notInForce: String?

    init(_ instrument: Instrument, asOf date: LegalDate) {
        id = instrument.id
        title = instrument.title
        short = instrument.short
        citation = instrument.citation
        kind = instrument.kind?.rawValue
        enacted = instrument.enacted?.description
        inForce = instrument.inForce?.description
        repealed = instrument.repealed?.description
        url = instrument.url.flatMap(safeLink)
        if instrument.isInForce(on: date) {
            notInForce = nil
        } else {
            notInForce = instrument.repealed.map { $0 <= date } == true ? "repealed by this date" : "not yet in force on this date"
        }
    }
}

/// Where the State stands towards one treaty.
public struct TreatyView: Encodable, Sendable {
    public var id: String
    public var title: String
    /// "Party", "Signatory" or "Not a party", as of the report's date.
    public var standing: String
    public var signed: String?
    /// "Ratified 2011-05-25", "Acceded 2002-05-28", or nil when the date is not recorded.
    public var consent: String?
    public var note: String?

    init(_ participation: TreatyParticipation, checklist: Checklist, asOf date: LegalDate) {
        id = participation.treaty
        title = checklist.treaties.first { $0.id == participation.treaty }?.title ?? participation.treaty
        switch participation.standing {
        case .party: standing = participation.isParty(asOf: date) ? "Party" : "Signatory"
        case .signatory: standing = "Signatory"
        case .notParty: standing = "Not a party"
        }
        signed = participation.signed?.description
        consent = participation.consent.map { "\($0.kind.rawValue.capitalized) \($0.date)" }
        note = participation.note
    }
}

/// A secondary source consulted by the file's authors.
public struct SourceView: Encodable, Sendable {
    public var title: String
    public var url: String?
    public var note: String?

    init(_ source: SecondarySource) {
        title = source.title
        url = source.url.flatMap(safeLink)
        note = source.note
    }
}

/// The scoring rules as the report applied them, for the method section.
public struct MethodView: Encodable, Sendable {
    public struct StatusValue: Encodable, Sendable {
        public var status: StatusView
        public var value: String
    }

    public struct CategoryWeight: Encodable, Sendable {
        public var id: String
        public var title: String
        public var weight: String
        public var criteria: String
    }

    public var statuses: [StatusValue]
    public var categories: [CategoryWeight]
    public var criteriaCount: String
    /// The same tables in prose, for text formats: "Met 1, Partly met 0.5, … Not applicable not counted".
    public var statusesText: String
    /// "Criminalisation ×3, Jurisdiction and cooperation ×2, …".
    public var categoriesText: String

    init(checklist: Checklist, weights: Weights) {
        statuses = Status.allCases.map { status in
            StatusValue(status: StatusView(status), value: Scoring.value(of: status).map { Number.plain($0) } ?? "not counted")
        }
        categories = checklist.categories.map { category in
            CategoryWeight(
                id: category.id, title: category.title, weight: String(weights.weight(of: category)),
                criteria: String(checklist.criteria.count { $0.category == category.id }))
        }
        criteriaCount = String(checklist.criteria.count)
        statusesText = statuses.map { "\($0.status.label) \($0.value)" }.joined(separator: ", ")
        categoriesText = categories.map { "\($0.title) ×\($0.weight)" }.joined(separator: ", ")
    }
}

/// Relative links between the pages of a site; nil in a standalone report, which links to nothing local.
public struct SiteLinks: Encodable, Sendable {
    /// The path from the page to the site's root: "" or "../".
    public var root: String
    public var index: String
    public var checklist: String
    public var method: String
    public var data: String

    init(depth: Int) {
        root = String(repeating: "../", count: depth)
        index = root + "index.html"
        checklist = root + "checklist.html"
        method = root + "method.html"
        data = root + "data.html"
    }

    func jurisdiction(_ code: String) -> String { root + "jurisdictions/\(code).html" }
    func criterion(_ id: String) -> String { root + "criteria/\(id).html" }
    func region(_ slug: String) -> String { root + "regions/\(slug).html" }
}

/// Only absolute http(s) addresses ever become links: a `javascript:` or `data:` URL that slipped past validation
/// is dropped here rather than rendered.
func safeLink(_ url: String) -> String? { WebAddress.isHTTP(url) ? url : nil }

/// "A", "A and B", "A, B and C".
func listInProse(_ items: [String]) -> String {
    switch items.count {
    case 0: return ""
    case 1: return items[0]
    default: return items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
    }
}

extension Number {
    /// A number without a trailing ".0": 1, 0.5, 12.5.
    static func plain(_ value: Double) -> String {
        let text = Number.text(value)
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }
}

extension String {
    /// Nil for the empty string, so that templates can test for the value.
    var nonEmpty: String? { isEmpty ? nil : self }
}
