/// Jurisdictions ordered by overall score.
public struct Ranking: Sendable {
    public struct Entry: Sendable {
        /// Competition ranking: equal scores share a rank ("1, 2, 2, 4").
        public var rank: Int
        public var card: ScoreCard
        /// How many of ICMEC's five core criteria are met.
        public var icmecBand: Int { card.icmecCriteriaMet }
    }

    public var entries: [Entry]
    /// Jurisdictions left out because their files do not record the law on the date: a score built from missing
    /// history would mislead.
    public var notRecorded: [ScoreCard]
    private var rankByCode: [String: Int] = [:]

    public func rank(of code: String) -> Int? { rankByCode[code] }

    /// Ranks by overall score rounded as printed (highest first), ties in code order; no score ranks last.
    public init(_ cards: [ScoreCard]) {
        let recorded = cards.filter(\.isRecorded)
        notRecorded = cards.filter { !$0.isRecorded }
        let ranks = Self.competitionRanks(recorded.map { ($0.jurisdiction.code, $0.score) })
        entries = ranks.map { Entry(rank: $0.rank, card: recorded[$0.index]) }
        for entry in entries where rankByCode[entry.card.jurisdiction.code] == nil { rankByCode[entry.card.jurisdiction.code] = entry.rank }
    }

    /// Competition ranking ("1, 2, 2, 4") of scores rounded as printed, highest first, ties in code order, no score
    /// last: each item's position in `scores` and its rank, best first.
    static func competitionRanks(_ scores: [(code: String, score: Double?)]) -> [(index: Int, rank: Int)] {
        let order = scores.indices.sorted { lhs, rhs in
            let l = scores[lhs].score.map(Scoring.rounded) ?? -1
            let r = scores[rhs].score.map(Scoring.rounded) ?? -1
            return l != r ? l > r : scores[lhs].code < scores[rhs].code
        }
        var result: [(index: Int, rank: Int)] = []
        for (position, index) in order.enumerated() {
            if let previous = result.last,
                scores[previous.index].score.map(Scoring.rounded) == scores[index].score.map(Scoring.rounded)
            {
                result.append((index, previous.rank))
            } else {
                result.append((index, position + 1))
            }
        }
        return result
    }
}

/// Does the ranking hold if the weights change, or if the research gaps were filled? Each jurisdiction's best and
/// worst rank across alternative weightings and ways of counting `unclear`.
public struct Sensitivity: Sendable {
    public struct Scenario: Sendable {
        public var name: String
        public var ranks: [String: Int]
    }

    public struct Range: Sendable {
        public var code: String
        public var baseRank: Int
        public var bestRank: Int
        public var worstRank: Int
    }

    public var scenarios: [Scenario]
    public var ranges: [Range]

    /// The scenarios: the given weights, each category weighted twice, every weight equal (1), and `unclear`
    /// counted as 0.5 or left out of the sums (so a reader sees whether a rank rests on research gaps).
    /// Jurisdictions whose law is not recorded on the date are left out.
    public init(corpus: [Jurisdiction], checklist: Checklist, asOf date: LegalDate, weights: Weights) {
        let jurisdictions = corpus.filter { $0.isRecorded(on: date) }
        let readings = jurisdictions.map { AsOfReader.readings($0, checklist: checklist, asOf: date) }
        func ranks(_ weights: Weights, unclear: Double? = 0) -> [String: Int] {
            let scores = zip(jurisdictions, readings).map { jurisdiction, readings in
                (code: jurisdiction.code, score: Scoring.scores(readings, checklist: checklist, weights: weights, unclear: unclear).overall)
            }
            return Dictionary(uniqueKeysWithValues: Ranking.competitionRanks(scores).map { (scores[$0.index].code, $0.rank) })
        }
        var scenarios = [Scenario(name: "base", ranks: ranks(weights))]
        for category in checklist.categories {
            var doubled = weights
            doubled.categories[category.id] = 2 * weights.weight(of: category)
            scenarios.append(Scenario(name: "\(category.id) x2", ranks: ranks(doubled)))
        }
        let equal = Weights(
            categories: Dictionary(uniqueKeysWithValues: checklist.categories.map { ($0.id, 1) }),
            criteria: Dictionary(uniqueKeysWithValues: checklist.criteria.map { ($0.id, 1) }))
        scenarios.append(Scenario(name: "equal", ranks: ranks(equal)))
        scenarios.append(Scenario(name: "unclear 0.5", ranks: ranks(weights, unclear: 0.5)))
        scenarios.append(Scenario(name: "unclear left out", ranks: ranks(weights, unclear: nil)))
        self.scenarios = scenarios
        ranges = jurisdictions.map(\.code).sorted().map { code in
            let all = scenarios.compactMap { $0.ranks[code] }
            return Range(code: code, baseRank: scenarios[0].ranks[code] ?? 0, bestRank: all.min() ?? 0, worstRank: all.max() ?? 0)
        }
    }
}
