/// A provision with its instrument resolved: what every output prints where the law says so.
public struct CitedProvision: Sendable, Hashable {
    public var instrument: Instrument
    /// Section, article or paragraph, as the instrument numbers it.
    public var section: String

    /// "Anti-Trafficking in Persons Act (RA 9208), Sec. 4": the law's name and the pinpoint, never the citation alone.
    public var inline: String {
        section.isEmpty ? instrument.fullName : "\(instrument.fullName), \(section)"
    }
}

/// Why a reading has the status it has.
public enum ReadingBasis: Sendable, Hashable {
    /// The file records this state from `since` (nil: from the start of the record).
    case recorded(since: LegalDate?)
    /// The date is before the file's `recorded_from`: the law on it is not recorded, which is not `unclear`.
    case notRecorded(recordedFrom: LegalDate)
    /// The recorded state claims `claimed`, but none of the provisions it cites is in force on the date.
    case notInForce(claimed: Status, since: LegalDate?)
}

/// A jurisdiction's law on one criterion as of a date: the status that holds, why, the provisions in force that
/// support it, the public finding, the research note and the law a gap calls to change.
public struct Reading: Sendable, Hashable {
    public var criterion: Criterion
    public var status: Status
    public var basis: ReadingBasis
    public var provisions: [CitedProvision]
    /// Public text a filing can quote.
    public var finding: String
    /// For researchers only; briefs never print it.
    public var researchNote: String
    public var amend: ReformTarget?
    /// For a criterion that also protects adults: the law as it applies to children, when the file gives it.
    public var children: ChildPart?
    /// The instrument `amend` names, resolved.
    public var amendInstrument: Instrument?
    /// The instrument the child part's `amend` names, resolved.
    public var childrenAmendInstrument: Instrument?

    init(
        criterion: Criterion, status: Status, basis: ReadingBasis, provisions: [CitedProvision], finding: String,
        researchNote: String, amend: ReformTarget?, amendInstrument: Instrument?, children: ChildPart? = nil,
        childrenAmendInstrument: Instrument? = nil
    ) {
        self.criterion = criterion
        self.status = status
        self.basis = basis
        self.provisions = provisions
        self.finding = finding
        self.researchNote = researchNote
        self.amend = amend
        self.children = children
        self.amendInstrument = amendInstrument
        self.childrenAmendInstrument = childrenAmendInstrument
    }

    public var isRecorded: Bool {
        if case .notRecorded = basis { return false }
        return true
    }

    /// The date the recorded state took effect, when the file gives one.
    public var since: LegalDate? {
        switch basis {
        case .recorded(let since), .notInForce(_, let since): return since
        case .notRecorded: return nil
        }
    }

    /// Why the recorded status is not used as it stands, for researchers: nil when it is.
    public var caveat: String? {
        switch basis {
        case .recorded: return nil
        case .notRecorded(let from): return "not recorded before \(from)"
        case .notInForce(let claimed, _): return "no provision cited for '\(claimed.rawValue)' is in force on this date"
        }
    }
}

/// Reads every assessment of a jurisdiction as of a date.
public enum AsOfReader {
    /// The readings of `jurisdiction` on `date`, in checklist order.
    ///
    /// Before `recorded_from` nothing is recorded. An instrument not yet in force, or already repealed, supports
    /// nothing: a `met` or `partial` left with no provision in force reads as `unclear`.
    public static func readings(_ jurisdiction: Jurisdiction, checklist: Checklist, asOf date: LegalDate) -> [Reading] {
        checklist.criteria.map { reading(jurisdiction, criterion: $0, asOf: date) }
    }

    public static func reading(_ jurisdiction: Jurisdiction, criterion: Criterion, asOf date: LegalDate) -> Reading {
        if let from = jurisdiction.recordedFrom, date < from {
            return Reading(
                criterion: criterion, status: .unclear, basis: .notRecorded(recordedFrom: from), provisions: [], finding: "",
                researchNote: "", amend: nil, amendInstrument: nil)
        }
        // Validation guarantees a state on every recorded date; a draft may lack one.
        guard let state = jurisdiction.assessment(criterion.id)?.state(asOf: date) else {
            return Reading(
                criterion: criterion, status: .unclear, basis: .recorded(since: nil), provisions: [], finding: "",
                researchNote: "", amend: nil, amendInstrument: nil)
        }
        let inForce = cite(state.provisions, in: jurisdiction).filter { $0.instrument.isInForce(on: date) }
        let amendInstrument = instrument(state.amend, in: jurisdiction)
        let lapsed = state.status.needsProvision && inForce.isEmpty
        return Reading(
            criterion: criterion, status: lapsed ? .unclear : state.status,
            basis: lapsed ? .notInForce(claimed: state.status, since: state.since) : .recorded(since: state.since),
            provisions: inForce, finding: state.finding, researchNote: state.note, amend: state.amend,
            amendInstrument: amendInstrument, children: lapsed ? nil : state.children,
            childrenAmendInstrument: lapsed ? nil : instrument(state.children?.amend, in: jurisdiction))
    }

    static func instrument(_ target: ReformTarget?, in jurisdiction: Jurisdiction) -> Instrument? {
        if case .amend(let id)? = target { return jurisdiction.instrument(id) }
        return nil
    }

    /// The provisions with their instruments resolved, in the order cited (unknown instruments, which validation
    /// reports, are left out).
    public static func cite(_ provisions: [Provision], in jurisdiction: Jurisdiction) -> [CitedProvision] {
        provisions.compactMap { provision in
            jurisdiction.instrument(provision.instrument).map { CitedProvision(instrument: $0, section: provision.section) }
        }
    }
}
