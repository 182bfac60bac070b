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
    private var rankByCode: [String: Int] = [:]

    public func rank(of code: String) -> Int? { rankByCode[code] }

    /// Ranks by overall score rounded as printed (highest first), ties in code order; no score ranks last.
    public init(_ cards: [ScoreCard]) {
        let sorted = cards.sorted { lhs, rhs in
            let l = lhs.score.map(Scoring.rounded) ?? -1, r = rhs.score.map(Scoring.rounded) ?? -1
            return l != r ? l > r : lhs.jurisdiction.code < rhs.jurisdiction.code
        }
        var entries: [Entry] = []
        for (index, card) in sorted.enumerated() {
            let rank: Int
            if let previous = entries.last, previous.card.score.map(Scoring.rounded) == card.score.map(Scoring.rounded) {
                rank = previous.rank
            } else {
                rank = index + 1
            }
            entries.append(Entry(rank: rank, card: card))
        }
        self.entries = entries
        for entry in entries where rankByCode[entry.card.jurisdiction.code] == nil { rankByCode[entry.card.jurisdiction.code] = entry.rank }
    }
}

/// Does the ranking hold if the weights change? Each jurisdiction's best and worst rank across alternative weightings.
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

    /// The scenarios: the given weights, each category weighted twice, and every weight equal (1).
    public init(corpus jurisdictions: [Jurisdiction], checklist: Checklist, asOf date: LegalDate, weights: Weights) {
        func ranks(_ weights: Weights) -> [String: Int] {
            let cards = jurisdictions.map { ScoreCard($0, checklist: checklist, asOf: date, weights: weights) }
            return Dictionary(uniqueKeysWithValues: Ranking(cards).entries.map { ($0.card.jurisdiction.code, $0.rank) })
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
        self.scenarios = scenarios
        ranges = jurisdictions.map(\.code).sorted().map { code in
            let all = scenarios.compactMap { $0.ranks[code] }
            return Range(code: code, baseRank: scenarios[0].ranks[code] ?? 0, bestRank: all.min() ?? 0, worstRank: all.max() ?? 0)
        }
    }
}
