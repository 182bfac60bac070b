/// The method, exactly as the README states it, so that anyone can recompute a score by hand.
public enum Scoring {
    /// met 1, partial 0.5, absent 0, unclear 0; not_applicable has no value and is left out of every sum.
    public static func value(of status: Status) -> Double? {
        switch status {
        case .met: return 1
        case .partial: return 0.5
        case .absent, .unclear: return 0
        case .notApplicable: return nil
        }
    }

    /// Scores are rounded to one decimal (half away from zero) wherever they are shown, JSON included.
    public static func rounded(_ value: Double) -> Double { (value * 10).rounded(.toNearestOrAwayFromZero) / 10 }

    /// Category scores and the overall score for a set of findings.
    static func scores(_ findings: [Finding], checklist: Checklist, weights: Weights) -> (overall: Double?, categories: [String: Double]) {
        var categoryScores: [String: Double] = [:]
        for category in checklist.categories {
            var earned = 0.0, possible = 0.0
            for finding in findings where finding.criterion.category == category.id {
                guard let value = value(of: finding.status) else { continue }
                let weight = Double(weights.weight(of: finding.criterion))
                earned += weight * value
                possible += weight
            }
            if possible > 0 { categoryScores[category.id] = 100 * earned / possible }
        }
        var earned = 0.0, possible = 0.0
        for category in checklist.categories {
            guard let score = categoryScores[category.id] else { continue }
            let weight = Double(weights.weight(of: category))
            earned += weight * score
            possible += weight
        }
        return (possible > 0 ? earned / possible : nil, categoryScores)
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
        public var finding: Finding
        public var weight: Int
        public var value: Double?
        /// How much the overall score would rise if this criterion were met.
        public var gain: Double?
    }

    public var jurisdiction: Jurisdiction
    public var asOf: LegalDate
    public var score: Double?
    /// Share of applicable criteria whose status is known (not `unclear`).
    public var coverage: Double?
    public var categories: [CategoryScore]
    public var criteria: [CriterionScore]

    public init(_ jurisdiction: Jurisdiction, checklist: Checklist, asOf date: LegalDate, weights: Weights = .checklist) {
        let findings = Evaluation.findings(jurisdiction, checklist: checklist, asOf: date)
        let (overall, categoryScores) = Scoring.scores(findings, checklist: checklist, weights: weights)
        self.jurisdiction = jurisdiction
        asOf = date
        score = overall
        let applicable = findings.filter { $0.status != .notApplicable }
        coverage = applicable.isEmpty ? nil : 100 * Double(applicable.count { $0.status != .unclear }) / Double(applicable.count)
        categories = checklist.categories.map {
            CategoryScore(category: $0, weight: weights.weight(of: $0), score: categoryScores[$0.id])
        }
        criteria = findings.enumerated().map { index, finding in
            var gain: Double?
            if finding.status != .notApplicable {
                var improved = findings
                improved[index].status = .met
                gain = (Scoring.scores(improved, checklist: checklist, weights: weights).overall ?? 0) - (overall ?? 0)
            }
            return CriterionScore(
                finding: finding, weight: weights.weight(of: finding.criterion), value: Scoring.value(of: finding.status),
                gain: gain)
        }
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
            let mapped = criteria.filter { $0.finding.criterion.crosswalk.icmec.contains(core) }
            return !mapped.isEmpty && mapped.allSatisfy { $0.finding.status == .met }
        }
    }
}
