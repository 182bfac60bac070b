/// A dated change in a jurisdiction's law on one criterion.
public struct LawChange: Sendable {
    public var criterion: Criterion
    public var date: LegalDate
    public var from: Status?
    public var to: Status
    /// The instruments cited by the new state that were not cited by the old one (what changed the law), or all of
    /// the new state's instruments when none is new.
    public var instruments: [Instrument]
    public var note: String

    /// Every dated state change recorded in the file, in date order, then checklist order.
    public static func timeline(_ jurisdiction: Jurisdiction, checklist: Checklist) -> [LawChange] {
        var changes: [(Int, LawChange)] = []
        for (order, criterion) in checklist.criteria.enumerated() {
            guard let assessment = jurisdiction.assessment(criterion.id) else { continue }
            var previous: AssessmentState?
            for state in assessment.timeline {
                if let since = state.since {
                    changes.append((order, LawChange(
                        criterion: criterion, date: since, from: previous?.status, to: state.status,
                        instruments: introduced(state.provisions, after: previous?.provisions ?? [], in: jurisdiction),
                        note: state.note)))
                }
                previous = state
            }
        }
        return changes.sorted { lhs, rhs in lhs.1.date != rhs.1.date ? lhs.1.date < rhs.1.date : lhs.0 < rhs.0 }.map(\.1)
    }

    static func introduced(_ provisions: [Provision], after previous: [Provision], in jurisdiction: Jurisdiction) -> [Instrument] {
        let old = Set(previous.map(\.instrument))
        var ids: [String] = []
        for provision in provisions where !ids.contains(provision.instrument) { ids.append(provision.instrument) }
        let new = ids.filter { !old.contains($0) }
        return (new.isEmpty ? ids : new).compactMap(jurisdiction.instrument)
    }
}

/// What changed in a jurisdiction's law between two dates, and what it did to the score.
public struct LawDiff: Sendable {
    public struct Entry: Sendable {
        public var criterion: Criterion
        public var from: Finding
        public var to: Finding
        /// The instruments behind the change: those cited on the later date and not on the earlier one (or all of the
    /// later ones when none is new).
        public var instruments: [Instrument]
    }

    public var before: ScoreCard
    public var after: ScoreCard
    public var entries: [Entry]
    public var scoreDelta: Double? {
        guard let a = after.score, let b = before.score else { return nil }
        return Scoring.rounded(a) - Scoring.rounded(b)
    }

    public init(_ jurisdiction: Jurisdiction, checklist: Checklist, from: LegalDate, to: LegalDate, weights: Weights) {
        before = ScoreCard(jurisdiction, checklist: checklist, asOf: from, weights: weights)
        after = ScoreCard(jurisdiction, checklist: checklist, asOf: to, weights: weights)
        entries = zip(before.criteria, after.criteria).compactMap { old, new in
            guard old.finding.status != new.finding.status else { return nil }
            return Entry(
                criterion: new.finding.criterion, from: old.finding, to: new.finding,
                instruments: LawChange.introduced(new.finding.provisions, after: old.finding.provisions, in: jurisdiction))
        }
    }
}
