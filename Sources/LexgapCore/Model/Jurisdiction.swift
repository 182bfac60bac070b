/// How far a jurisdiction's law meets one criterion.
public enum Status: String, Sendable, Codable, CaseIterable {
    case met
    case partial
    case absent
    case unclear
    case notApplicable = "not_applicable"

    /// `met` and `partial` are claims about the law, so they must cite the provision that supports them.
    public var needsProvision: Bool { self == .met || self == .partial }

    /// A definite answer is public: it needs a finding a filing can quote.
    public var needsFinding: Bool { self == .met || self == .partial || self == .absent }
}

/// A country or sub-national unit, and the assessment of its law against the checklist.
///
/// Built from one file. When loading reported errors the model may hold placeholders for the bad values, so use
/// it only when its diagnostics have no errors.
public struct Jurisdiction: Sendable {
    public static let supportedSchemaVersion = 2

    public var file: String
    public var schemaVersion: Int
    /// ISO 3166-1 alpha-2 (or ISO 3166-2 for a sub-national unit); equals the file name.
    public var code: String
    public var codeLocation: SourceLocation
    public var name: String
    /// `name_in_prose`: the name with the article a sentence needs, when it takes one ("the Philippines").
    public var proseName: String?
    public var region: String
    /// An unfinished file: validated and reported on alone, but kept out of rankings, comparisons, the site and
    /// briefs unless asked for.
    public var draft: Bool
    /// When the whole file was last checked against the law (required unless it is a draft).
    public var reviewed: LegalDate?
    /// The date from which the file's history is complete: every criterion has a recorded state on it and after.
    /// Before it the law is not recorded, which is not the same as `unclear`. Nil only in a draft.
    public var recordedFrom: LegalDate?
    public var recordedFromLocation: SourceLocation
    /// Public text: the law as a whole, its main instruments and gaps.
    public var summary: String?
    public var summaryLocation: SourceLocation
    /// The researchers' note on the file as a whole; never printed in a brief.
    public var note: String?
    /// Secondary sources consulted.
    public var sources: [SecondarySource]
    public var instruments: [Instrument]
    public var treaties: [TreatyParticipation]
    public var assessments: [Assessment]
    /// Where the `assessments` mapping starts, for diagnostics about criteria missing from it.
    public var assessmentsLocation: SourceLocation
    /// False when the file has no `assessments` mapping (already an error; its criteria are not reported one by one).
    public var hasAssessments: Bool

    public func instrument(_ id: String) -> Instrument? { instruments.first { $0.id == id } }

    /// Whether the file records the law on `date`: on or after `recorded_from`.
    public func isRecorded(on date: LegalDate) -> Bool { recordedFrom.map { $0 <= date } ?? true }

    /// The name as a sentence needs it ("the Philippines", "Sweden"): the file's `name_in_prose`, else `name`.
    public var nameInProse: String { proseName ?? name }
    public func assessment(_ criterion: String) -> Assessment? { assessments.first { $0.criterion == criterion } }
}

/// A report, index or article consulted while assessing the law (not itself the law).
public struct SecondarySource: Sendable, Hashable {
    public var title: String
    public var url: String?
    public var note: String?
}

/// A statute, code, regulation or binding judgment relied on by the assessments.
///
/// Its copies share one store (`Shared`): each provision a reading cites holds its instrument.
@dynamicMemberLookup
public struct Instrument: Sendable, Hashable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case statute, code, regulation, `case`, policy
    }

    public struct Fields: Sendable, Hashable {
        /// The short id that provisions use to refer to it.
        public var id: String
        /// The law's name, as its official text gives it.
        public var title: String
        /// The form used after the first full citation: "RA 9208", "SOA 2003".
        public var short: String?
        /// The official citation, e.g. "Republic Act No. 11930".
        public var citation: String
        public var kind: Kind?
        public var enacted: LegalDate?
        public var inForce: LegalDate?
        public var repealed: LegalDate?
        /// An official or authoritative text of the law.
        public var url: String?
        /// Why the file gives no `url`.
        public var urlUnavailable: String?
        /// The laws that amended it, by citation.
        public var amendedBy: [String]
        /// The researchers' note on the instrument.
        public var note: String?
        public var location: SourceLocation
        /// Where `url` is written, even when its value was rejected.
        public var urlLocation: SourceLocation?
        public var inForceLocation: SourceLocation?
        public var repealedLocation: SourceLocation?
    }

    private var shared: Shared<Fields>

    public init(_ fields: Fields) { shared = Shared(fields) }

    public subscript<Value>(dynamicMember path: WritableKeyPath<Fields, Value>) -> Value {
        get { shared.value[keyPath: path] }
        set { shared.value[keyPath: path] = newValue }
    }

    /// The name a reader can look up: the short title when there is one, else the title.
    public var name: String { self.short ?? self.title }

    /// The title with its short form, as first cited: "Anti-Trafficking in Persons Act (RA 9208)".
    public var fullName: String { self.short.map { "\(self.title) (\($0))" } ?? self.title }

    /// In force on `date`: from `in_force` (or `enacted` when that is all we know), until `repealed`.
    public func isInForce(on date: LegalDate) -> Bool {
        if let start = self.inForce ?? self.enacted, date < start { return false }
        if let repealed = self.repealed, date >= repealed { return false }
        return true
    }
}

/// A State's signature and ratification (or accession, or succession) of a treaty.
public struct TreatyParticipation: Sendable, Hashable {
    public enum Consent: String, Sendable, Codable, CaseIterable {
        case ratified, acceded, succeeded
    }

    /// Where the State stands towards the treaty.
    public enum Standing: String, Sendable, Codable, CaseIterable {
        case party
        case signatory
        case notParty = "not_party"
    }

    public var treaty: String
    public var standing: Standing
    public var signed: LegalDate?
    /// How the State consented to be bound, and when.
    public var consent: (kind: Consent, date: LegalDate)?
    public var note: String?
    public var location: SourceLocation
    public var treatyLocation: SourceLocation

    public static func == (lhs: TreatyParticipation, rhs: TreatyParticipation) -> Bool {
        lhs.treaty == rhs.treaty && lhs.standing == rhs.standing && lhs.signed == rhs.signed && lhs.consent?.kind == rhs.consent?.kind
            && lhs.consent?.date == rhs.consent?.date && lhs.note == rhs.note && lhs.location == rhs.location
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(treaty)
        hasher.combine(location)
    }

    /// Whether the State is bound by the treaty on `date` (or today, when nil). A party whose date of consent
    /// is not recorded counts as a party at every date.
    public func isParty(asOf date: LegalDate? = nil) -> Bool {
        guard standing == .party else { return false }
        guard let date, let consent else { return true }
        return consent.date <= date
    }
}

/// The instrument and section that support a status.
public struct Provision: Sendable, Hashable {
    public var instrument: String
    /// Section, article or paragraph, as the instrument numbers it ("Sec. 4(c)", "§ 2252A(a)(5)(B)").
    public var section: String
    public var location: SourceLocation
    public var instrumentLocation: SourceLocation
}

/// A jurisdiction's answer to one criterion: its current state and the earlier states it replaced.
public struct Assessment: Sendable, Hashable {
    public var criterion: String
    /// Where the criterion id is written (the key under `assessments`).
    public var location: SourceLocation
    public var current: AssessmentState
    /// Earlier states, oldest first.
    public var history: [AssessmentState]

    /// Every state, oldest first, ending with the current one.
    public var timeline: [AssessmentState] { history + [current] }

    /// The state in force on `date`: the latest one whose `since` is on or before it. Nil before the earliest
    /// recorded state, when the law is not assessed.
    public func state(asOf date: LegalDate) -> AssessmentState? {
        timeline.last { state in state.since.map { $0 <= date } ?? true }
    }
}

/// The law a gap calls to change: one of the file's instruments, or new legislation.
public enum ReformTarget: Sendable, Hashable {
    case amend(instrument: String)
    case newLegislation
}

/// The status of a criterion from a date on, with the provisions, finding and note that justify it.
public struct AssessmentState: Sendable, Hashable {
    public var status: Status
    /// The date from which this status holds; nil means "from `recorded_from`", the start of the record.
    public var since: LegalDate?
    public var provisions: [Provision]
    /// Public text a filing can quote: what the law provides and where it falls short.
    public var finding: String
    /// The researchers' note: what was read, what disagrees, what would settle it. Never printed in a brief.
    public var note: String
    /// For a gap: the law to change.
    public var amend: ReformTarget?
    /// For a criterion whose standard also protects adults: how far the law meets it for children alone.
    public var children: ChildPart?
    public var location: SourceLocation
    public var statusLocation: SourceLocation
    public var sinceLocation: SourceLocation?
    public var findingLocation: SourceLocation?
    public var noteLocation: SourceLocation?
    public var amendLocation: SourceLocation?
}

/// The part of a criterion that concerns children, for a criterion whose standard also protects adults (the
/// checklist marks it `covers_adults`). A report to the Committee on the Rights of the Child states only this part:
/// where the law fails adults alone, it has nothing to say.
public struct ChildPart: Sendable, Hashable {
    public var status: Status
    /// Public text on the law as it applies to children.
    public var finding: String
    public var amend: ReformTarget?
    public var location: SourceLocation
    public var amendLocation: SourceLocation?
}

extension Array where Element == Jurisdiction {
    /// The jurisdictions that lists publish: all but drafts, unless asked for.
    public func published(includeDrafts: Bool = false) -> [Jurisdiction] { includeDrafts ? self : filter { !$0.draft } }
}
