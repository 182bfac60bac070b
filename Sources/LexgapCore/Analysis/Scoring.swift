/// The method, exactly as docs/method.md states it, so that anyone can recompute a score by hand.
public enum Scoring {
    /// met 1, partial 0.5, absent 0, unclear 0; not_applicable has no value and is left out of every sum.
    /// `unclear` can be given another value (1 for the top of a score's range, 0.5, or nil to leave it out).
    public static func value(of status: Status, unclear: Double? = 0) -> Double? {
        switch status {
        case .met: return 1
        case .partial: return 0.5
        case .absent: return 0
        case .unclear: return unclear
        case .notApplicable: return nil
        }
    }

    /// Scores are rounded to one decimal (half away from zero) wherever they are shown, JSON included.
    public static func rounded(_ value: Double) -> Double { (value * 10).rounded(.toNearestOrAwayFromZero) / 10 }

    /// Category scores and the overall score for a set of readings.
    static func scores(
        _ readings: [Reading], checklist: Checklist, weights: Weights, unclear: Double? = 0
    ) -> (overall: Double?, categories: [String: Double]) {
        let table = Table(readings.map(\.criterion), checklist: checklist, weights: weights)
        let (overall, categoryScores) = table.scores(readings.map { value(of: $0.status, unclear: unclear) })
        var byID: [String: Double] = [:]
        for (category, score) in zip(checklist.categories, categoryScores) { byID[category.id] = score }
        return (overall, byID)
    }

    /// The weights of a list of criteria and of their categories, as numbers, so that a score can be recomputed
    /// with one value changed (each criterion's gain) without copying the readings.
    struct Table {
        /// Per category, in checklist order: the positions of its criteria, in the order given.
        let members: [[Int]]
        let criterionWeights: [Double]
        let categoryWeights: [Double]

        init(_ criteria: [Criterion], checklist: Checklist, weights: Weights) {
            members = checklist.categories.map { category in criteria.indices.filter { criteria[$0].category == category.id } }
            criterionWeights = criteria.map { Double(weights.weight(of: $0)) }
            categoryWeights = checklist.categories.map { Double(weights.weight(of: $0)) }
        }

        /// The method's sums, in the same order as always (so results agree to the last bit): each category's
        /// weighted share earned, then the weighted mean of the categories that have one.
        func scores(_ values: [Double?]) -> (overall: Double?, categories: [Double?]) {
            var categoryScores: [Double?] = []
            categoryScores.reserveCapacity(members.count)
            for positions in members {
                var earned = 0.0
                var possible = 0.0
                for position in positions {
                    guard let value = values[position] else { continue }
                    earned += criterionWeights[position] * value
                    possible += criterionWeights[position]
                }
                categoryScores.append(possible > 0 ? 100 * earned / possible : nil)
            }
            var earned = 0.0
            var possible = 0.0
            for (index, score) in categoryScores.enumerated() {
                guard let score else { continue }
                earned += categoryWeights[index] * score
                possible += categoryWeights[index]
            }
            return (possible > 0 ? earned / possible : nil, categoryScores)
        }
    }
}

/// A jurisdiction's scores as of a date: overall, coverage, per category and per criterion.
public struct ScoreCard: Sendable {
    public struct CategoryScore: Sendable {
        public var category: Category
        public var weight: Int
        public var score: Double?
    }

    public struct CriterionScore: Sendable {
        public var reading: Reading
        public var weight: Int
        public var value: Double?
        /// How much the overall score would rise if this criterion were met.
        public var gain: Double?
    }

    public var jurisdiction: Jurisdiction
    public var asOf: LegalDate
    /// False before the file's `recorded_from`: then nothing is recorded and no score exists.
    public var isRecorded: Bool
    /// Every `unclear` counted as absent (the method's score).
    public var score: Double?
    /// The score's range while research is missing: every `unclear` counted absent (= `score`) or met. Both equal
    /// `score` at full coverage.
    public var scoreLow: Double?
    public var scoreHigh: Double?
    /// Share of applicable criteria whose status is known (not `unclear`).
    public var coverage: Double?
    public var categories: [CategoryScore]
    public var criteria: [CriterionScore]

    /// The card without what only the jurisdiction's own page shows (summary, notes, sources, each criterion's
    /// history, instrument notes), so that a whole data set's cards fit in memory; the readings stay.
    public func slimmed() -> ScoreCard {
        var card = self
        card.jurisdiction.summary = nil
        card.jurisdiction.note = nil
        card.jurisdiction.sources = []
        card.jurisdiction.assessments = []
        for index in card.jurisdiction.instruments.indices { card.jurisdiction.instruments[index].note = nil }
        return card
    }

    public init(_ jurisdiction: Jurisdiction, checklist: Checklist, asOf date: LegalDate, weights: Weights = .checklist) {
        self.jurisdiction = jurisdiction
        asOf = date
        isRecorded = jurisdiction.isRecorded(on: date)
        let readings = AsOfReader.readings(jurisdiction, checklist: checklist, asOf: date)
        guard isRecorded else {
            categories = checklist.categories.map { CategoryScore(category: $0, weight: weights.weight(of: $0), score: nil) }
            criteria = readings.map { CriterionScore(reading: $0, weight: weights.weight(of: $0.criterion), value: nil, gain: nil) }
            return
        }
        let (overall, categoryScores) = Scoring.scores(readings, checklist: checklist, weights: weights)
        score = overall
        scoreLow = overall
        scoreHigh = Scoring.scores(readings, checklist: checklist, weights: weights, unclear: 1).overall
        let applicable = readings.filter { $0.status != .notApplicable }
        coverage = applicable.isEmpty ? nil : 100 * Double(applicable.count { $0.status != .unclear }) / Double(applicable.count)
        categories = checklist.categories.map {
            CategoryScore(category: $0, weight: weights.weight(of: $0), score: categoryScores[$0.id])
        }
        let table = Scoring.Table(readings.map(\.criterion), checklist: checklist, weights: weights)
        var values = readings.map { Scoring.value(of: $0.status) }
        criteria = readings.enumerated().map { index, reading in
            var gain: Double?
            if reading.status != .notApplicable {
                let value = values[index]
                values[index] = 1
                gain = (table.scores(values).overall ?? 0) - (overall ?? 0)
                values[index] = value
            }
            return CriterionScore(
                reading: reading, weight: weights.weight(of: reading.criterion), value: Scoring.value(of: reading.status),
                gain: gain)
        }
    }

    /// "58.3–75.0": the score with every unclear criterion counted absent, then met; nil when the two agree.
    public var scoreRange: String? {
        guard let low = scoreLow, let high = scoreHigh, Scoring.rounded(low) != Scoring.rounded(high) else { return nil }
        return "\(Number.text(low))–\(Number.text(high))"
    }

    /// The score cards of many jurisdictions, computed on up to `threads` threads, in the order given.
    public static func cards(
        _ jurisdictions: [Jurisdiction], checklist: Checklist, asOf date: LegalDate, weights: Weights = .checklist,
        threads: Int = Corpus.defaultThreads
    ) -> [ScoreCard] {
        jurisdictions.parallelMap(threads: threads) { ScoreCard($0, checklist: checklist, asOf: date, weights: weights) }
    }

    /// How many of ICMEC's five core criteria the law meets, through the checklist's `crosswalk`.
    public var icmecCriteriaMet: Int {
        (1...5).count { core in
            let mapped = criteria.filter { $0.reading.criterion.crosswalk.icmec.contains(core) }
            return !mapped.isEmpty && mapped.allSatisfy { $0.reading.status == .met }
        }
    }
}
