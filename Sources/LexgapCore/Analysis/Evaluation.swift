/// A jurisdiction's law on one criterion as of a date: the status that holds, and the provisions in force that
/// support it.
public struct Finding: Sendable, Hashable {
    public var criterion: Criterion
    public var status: Status
    public var provisions: [Provision]
    public var note: String
    /// Why the recorded status was not used as it stands, if it was not (not yet assessed on the date, or its
    /// instruments not in force).
    public var caveat: String?
}

/// Reads every assessment of a jurisdiction as of a date.
public enum Evaluation {
    /// The findings of `jurisdiction` on `date`, in checklist order.
    ///
    /// A criterion with no state recorded on the date reads as `unclear`. An instrument not yet in force, or already
    /// repealed, supports nothing: a `met` or `partial` left with no provision in force reads as `unclear`.
    public static func findings(_ jurisdiction: Jurisdiction, checklist: Checklist, asOf date: LegalDate) -> [Finding] {
        checklist.criteria.map { criterion in
            guard let state = jurisdiction.assessment(criterion.id)?.state(asOf: date) else {
                return Finding(
                    criterion: criterion, status: .unclear, provisions: [], note: "",
                    caveat: "not assessed as of \(date)")
            }
            let inForce = state.provisions.filter { provision in
                jurisdiction.instrument(provision.instrument).map { isInForce($0, on: date) } ?? false
            }
            if state.status.needsProvision, inForce.isEmpty {
                return Finding(
                    criterion: criterion, status: .unclear, provisions: [], note: state.note,
                    caveat: "no provision cited for '\(state.status.rawValue)' is in force on \(date)")
            }
            return Finding(criterion: criterion, status: state.status, provisions: inForce, note: state.note, caveat: nil)
        }
    }

    /// In force on `date`: from `in_force` (or `enacted` when that is all we know), until `repealed`.
    public static func isInForce(_ instrument: Instrument, on date: LegalDate) -> Bool {
        if let start = instrument.inForce ?? instrument.enacted, date < start { return false }
        if let repealed = instrument.repealed, date >= repealed { return false }
        return true
    }
}
