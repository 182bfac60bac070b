/// What a complete law must cover: categories of criteria, each with its question, weight, rationale and the reform
/// to ask for.
public struct Checklist: Sendable {
    public static let supportedSchemaVersion = 1

    public var file: String
    public var schemaVersion: Int
    public var id: String
    public var version: String
    public var title: String
    /// The documents the criteria are drawn from, cited by title.
    public var sources: [String]
    public var treaties: [Treaty]
    public var categories: [Category]
    public var criteria: [Criterion]
    /// How the criteria are grouped in the documents advocates file (`lexgap brief`): by id, e.g. `crc-opsc`, `tip`.
    public var reporting: [ReportingFramework] = []

    public func criterion(_ id: String) -> Criterion? { criteria.first { $0.id == id } }
    public func framework(_ id: String) -> ReportingFramework? { reporting.first { $0.id == id } }
    public func category(_ id: String) -> Category? { categories.first { $0.id == id } }
}

/// An international treaty that jurisdiction files may record joining.
public struct Treaty: Sendable, Hashable {
    public var id: String
    public var title: String
    public var location: SourceLocation
}

/// A group of criteria (criminalisation, jurisdiction, money...) with its own weight in the overall score.
public struct Category: Sendable, Hashable {
    public var id: String
    public var title: String
    public var weight: Int
    public var location: SourceLocation
}

/// One requirement of a complete law, answerable yes, partly or no from a statute.
///
/// Its copies share one store (`Shared`): each reading of each jurisdiction holds its criterion.
@dynamicMemberLookup
public struct Criterion: Sendable, Hashable {
    public struct Fields: Sendable, Hashable {
        public var id: String
        public var category: String
        public var title: String
        public var question: String
        /// 1 (useful) to 3 (essential).
        public var weight: Int
        /// The passage of the source documents that motivates the criterion, cited by document title.
        public var why: String
        /// Articles of international instruments that set the norm.
        public var standards: [String]
        /// The reform an advocate should ask for when the criterion is not met.
        public var recommendation: String
        /// What counts as `met`, and as `partial`.
        public var guidance: Guidance
        /// Where the criterion sits in other frameworks.
        public var crosswalk: Crosswalk
        /// The gap named as a gap, for each status short of `met`: "no offence covers …".
        public var gap: GapPhrases = .init()
        /// The standard also protects adults, so an assessment may give its child part (`children:`).
        public var coversAdults = false
        public var location: SourceLocation
        public var categoryLocation: SourceLocation
    }

    private var shared: Shared<Fields>

    public init(_ fields: Fields) { shared = Shared(fields) }

    public subscript<Value>(dynamicMember path: WritableKeyPath<Fields, Value>) -> Value {
        get { shared.value[keyPath: path] }
        set { shared.value[keyPath: path] = newValue }
    }

    /// The criterion's place in other frameworks: ICMEC's five core criteria (numbered 1–5: legislation specific to
    /// abuse material; a definition; technology-facilitated offences; knowing possession; provider reporting) and the
    /// articles of treaties and standards, as text.
    public struct Crosswalk: Sendable, Hashable {
        public static let treatyKeys = [
            "opsc", "lanzarote", "budapest", "budapest_2ap", "palermo", "coe_trafficking", "uncc", "eu_2011_93", "eu_2011_36",
            "eu_2024_1712", "fatf",
        ]
        public var icmec: [Int] = []
        /// Treaty key (one of `treatyKeys`) → articles.
        public var articles: [String: [String]] = [:]
    }

    public struct Guidance: Sendable, Hashable {
        public var met: String
        public var partial: String
    }

    /// How a list of gaps names this one: "no offence covers live-streamed abuse" for `absent`, "the offence of …
    /// leaves out …" for `partial`. Empty when the checklist gives none.
    public struct GapPhrases: Sendable, Hashable {
        public var absent = ""
        public var partial = ""
    }

    /// The gap as a list names it, for a status short of `met`: the checklist's phrase, else the criterion's title.
    public func gapName(_ status: Status) -> String {
        let phrase = status == .absent ? self.gap.absent : status == .partial ? self.gap.partial : ""
        return phrase.isEmpty ? self.title : phrase
    }
}

/// The order in which a reporting body wants findings: the headings of its guidelines, each with the criteria
/// that belong under it.
public struct ReportingFramework: Sendable, Hashable {
    public struct Section: Sendable, Hashable {
        public var title: String
        public var criteria: [String]
    }

    public var id: String
    public var title: String
    public var sections: [Section]
}
