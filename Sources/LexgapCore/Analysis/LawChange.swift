/// A dated change in a jurisdiction's law on one criterion, from one recorded state to the next.
public struct LawChange: Sendable {
    public var criterion: Criterion
    public var date: LegalDate
    public var from: Status
    public var to: Status
    /// The instruments cited by the new state that were not cited by the old one (what changed the law), or all of
    /// the new state's instruments when none is new.
    public var instruments: [Instrument]
    /// The provisions the new state cites.
    public var provisions: [CitedProvision]
    /// The new state's public finding.
    public var finding: String

    /// Every recorded change of state, in date order, then checklist order. The start of a criterion's record is
    /// not a change: a law that the file begins recording on a date was not made on that date.
    public static func timeline(_ jurisdiction: Jurisdiction, checklist: Checklist) -> [LawChange] {
        var changes: [(Int, LawChange)] = []
        for (order, criterion) in checklist.criteria.enumerated() {
            guard let assessment = jurisdiction.assessment(criterion.id) else { continue }
            var previous: AssessmentState?
            for state in assessment.timeline {
                if let previous, let since = state.since {
                    changes.append(
                        (
                            order,
                            LawChange(
                                criterion: criterion, date: since, from: previous.status, to: state.status,
                                instruments: introduced(state.provisions, after: previous.provisions, in: jurisdiction),
                                provisions: AsOfReader.cite(state.provisions, in: jurisdiction), finding: state.finding)
                        ))
                }
                previous = state
            }
        }
        return changes.sorted { lhs, rhs in lhs.1.date != rhs.1.date ? lhs.1.date < rhs.1.date : lhs.0 < rhs.0 }.map(\.1)
    }

    static func introduced(_ provisions: [Provision], after previous: [Provision], in jurisdiction: Jurisdiction) -> [Instrument] {
        introduced(provisions.map(\.instrument), after: previous.map(\.instrument)).compactMap(jurisdiction.instrument)
    }

    static func introduced(_ cited: [CitedProvision], after previous: [CitedProvision]) -> [Instrument] {
        let ids = introduced(cited.map(\.instrument.id), after: previous.map(\.instrument.id))
        return ids.compactMap { id in cited.first { $0.instrument.id == id }?.instrument }
    }

    private static func introduced(_ ids: [String], after previous: [String]) -> [String] {
        let old = Set(previous)
        var unique: [String] = []
        for id in ids where !unique.contains(id) { unique.append(id) }
        let new = unique.filter { !old.contains($0) }
        return new.isEmpty ? unique : new
    }
}

/// What changed in a jurisdiction's law between two dates, and what it did to the score.
public struct LawDiff: Sendable {
    public struct Entry: Sendable {
        public var criterion: Criterion
        public var from: Reading
        public var to: Reading
        /// The instruments behind the change: those cited on the later date and not on the earlier one (or all of
        /// the later ones when none is new).
        public var instruments: [Instrument]
    }

    public var before: ScoreCard
    public var after: ScoreCard
    /// Changes between two recorded dates.
    public var entries: [Entry]
    /// Criteria whose law is not recorded on one of the dates: no change is reported across that gap. Empty when
    /// both dates are on or after `recorded_from`.
    public var notRecorded: [Criterion]
    /// The date before which nothing is recorded, when one of the dates falls before it.
    public var recordedFrom: LegalDate? {
        before.isRecorded && after.isRecorded ? nil : before.jurisdiction.recordedFrom
    }

    public var scoreDelta: Double? {
        guard let a = after.score, let b = before.score else { return nil }
        return Scoring.rounded(a) - Scoring.rounded(b)
    }

    public init(_ jurisdiction: Jurisdiction, checklist: Checklist, from: LegalDate, to: LegalDate, weights: Weights) {
        before = ScoreCard(jurisdiction, checklist: checklist, asOf: from, weights: weights)
        after = ScoreCard(jurisdiction, checklist: checklist, asOf: to, weights: weights)
        guard before.isRecorded, after.isRecorded else {
            entries = []
            notRecorded = checklist.criteria
            return
        }
        notRecorded = []
        entries = zip(before.criteria, after.criteria).compactMap { old, new in
            guard old.reading.status != new.reading.status else { return nil }
            return Entry(
                criterion: new.reading.criterion, from: old.reading, to: new.reading,
                instruments: LawChange.introduced(new.reading.provisions, after: old.reading.provisions))
        }
    }
}
