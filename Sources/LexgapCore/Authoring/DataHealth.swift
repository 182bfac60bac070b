/// The health of a data set, as legal-epidemiology projects measure it: what is still unknown, how old each review
/// is, and which claims rest on thin support.
public struct DataHealth: Sendable {
    /// A review older than this many months is flagged.
    public static let staleAfterMonths = 24

    public struct JurisdictionHealth: Sendable {
        public var code: String
        public var name: String
        public var assessed: Int
        public var unclear: Int
        public var reviewed: LegalDate?
        /// Whole months from the review to the date of the check.
        public var reviewAgeMonths: Int?
        public var stale: Bool
        /// Instruments with no official URL.
        public var instrumentsWithoutURL: [String]
        /// Met or partial (current state) supported by a single provision.
        public var singleProvision: [String]
    }

    public struct CriterionHealth: Sendable {
        public var id: String
        public var unclear: [String]
        public var singleProvision: [String]
    }

    public var asOf: LegalDate
    public var jurisdictions: [JurisdictionHealth]
    public var criteria: [CriterionHealth]

    /// The jurisdictions most in need of research: most `unclear` first, then stale reviews, then the oldest.
    public var mostInNeed: [JurisdictionHealth] {
        jurisdictions.filter { $0.unclear > 0 || $0.stale }.sorted { lhs, rhs in
            if lhs.unclear != rhs.unclear { return lhs.unclear > rhs.unclear }
            if lhs.stale != rhs.stale { return lhs.stale }
            if (lhs.reviewAgeMonths ?? Int.max) != (rhs.reviewAgeMonths ?? Int.max) {
                return (lhs.reviewAgeMonths ?? Int.max) > (rhs.reviewAgeMonths ?? Int.max)
            }
            return lhs.code < rhs.code
        }
    }

    public init(_ jurisdictions: [Jurisdiction], checklist: Checklist, asOf date: LegalDate) {
        asOf = date
        self.jurisdictions = jurisdictions.map { jurisdiction in
            let current = jurisdiction.assessments.map(\.current)
            let age = jurisdiction.reviewed.map { Self.months(from: $0, to: date) }
            return JurisdictionHealth(
                code: jurisdiction.code, name: jurisdiction.name, assessed: current.count,
                unclear: current.count { $0.status == .unclear }, reviewed: jurisdiction.reviewed, reviewAgeMonths: age,
                stale: age.map { $0 > Self.staleAfterMonths } ?? true,
                instrumentsWithoutURL: jurisdiction.instruments.filter { $0.url == nil }.map(\.id),
                singleProvision: jurisdiction.assessments.filter { $0.current.status.needsProvision && $0.current.provisions.count == 1 }
                    .map(\.criterion))
        }
        criteria = checklist.criteria.map { criterion in
            CriterionHealth(
                id: criterion.id,
                unclear: jurisdictions.filter { $0.assessment(criterion.id)?.current.status ?? .unclear == .unclear }.map(\.code),
                singleProvision: jurisdictions.filter { jurisdiction in
                    guard let state = jurisdiction.assessment(criterion.id)?.current else { return false }
                    return state.status.needsProvision && state.provisions.count == 1
                }.map(\.code))
        }
    }

    static func months(from start: LegalDate, to end: LegalDate) -> Int {
        var months = (end.year - start.year) * 12 + (end.month - start.month)
        if end.day < start.day { months -= 1 }
        return months
    }
}

/// `lexgap stats`.
public struct DataHealthReport: Sendable {
    public var health: DataHealth

    public init(_ health: DataHealth) { self.health = health }

    struct JSON: Codable {
        struct Jurisdiction: Codable {
            var code: String, name: String, assessed: Int, unclear: Int, reviewed: Nullable<String>, review_age_months: Nullable<Int>
            var stale: Bool, instruments_without_url: [String], single_provision: [String]
        }
        struct Criterion: Codable { var id: String, unclear: [String], single_provision: [String] }
        var as_of: String
        var stale_after_months: Int
        var jurisdictions: [Jurisdiction]
        var criteria: [Criterion]
        var most_in_need: [String]
    }

    public func render(_ format: AnalysisFormat, width: Int? = nil) -> String {
        let rows = health.jurisdictions.map { j in
            [
                j.code, String(j.assessed), String(j.unclear), j.reviewed?.description ?? "-", j.reviewAgeMonths.map(String.init) ?? "-",
                j.stale ? "yes" : "no", String(j.instrumentsWithoutURL.count), String(j.singleProvision.count),
            ]
        }
        let header = ["code", "assessed", "unclear", "reviewed", "age_months", "stale", "instruments_without_url", "single_provision"]
        switch format {
        case .json:
            return JSONText.encode(
                JSON(
                    as_of: health.asOf.description, stale_after_months: DataHealth.staleAfterMonths,
                    jurisdictions: health.jurisdictions.map { j in
                        .init(
                            code: j.code, name: j.name, assessed: j.assessed, unclear: j.unclear,
                            reviewed: Nullable(j.reviewed?.description),
                            review_age_months: Nullable(j.reviewAgeMonths), stale: j.stale,
                            instruments_without_url: j.instrumentsWithoutURL,
                            single_provision: j.singleProvision)
                    },
                    criteria: health.criteria.map { .init(id: $0.id, unclear: $0.unclear, single_provision: $0.singleProvision) },
                    most_in_need: health.mostInNeed.map(\.code)))
        case .csv:
            return CSV.render(header: header, rows: rows)
        case .table:
            let total = health.jurisdictions.reduce(0) { $0 + $1.assessed }
            let unclear = health.jurisdictions.reduce(0) { $0 + $1.unclear }
            var out =
                "Data health as of \(health.asOf): \(health.jurisdictions.count) jurisdictions, \(unclear) of \(total) assessments unclear"
            out += total > 0 ? " (\(Number.text(100 * Double(unclear) / Double(total)))%)\n\n" : "\n\n"
            out += TextTable(
                header: [
                    "CODE", "ASSESSED", "UNCLEAR", "REVIEWED", "AGE (MONTHS)", "STALE (>\(DataHealth.staleAfterMonths))", "NO URL",
                    "ONE PROVISION",
                ], rows: rows
            ).rendered(width: width)
            out += "\nCriteria most often unclear\n\n"
            let criteria = health.criteria.filter { !$0.unclear.isEmpty }.sorted {
                $0.unclear.count != $1.unclear.count ? $0.unclear.count > $1.unclear.count : $0.id < $1.id
            }
            out +=
                criteria.isEmpty
                ? "  (none)\n"
                : TextTable(header: ["CRITERION", "UNCLEAR IN"], rows: criteria.map { [$0.id, $0.unclear.joined(separator: " ")] })
                    .rendered(width: width)
            let need = health.mostInNeed
            out +=
                "\nMost in need of research: "
                + (need.isEmpty
                    ? "none"
                    : need.prefix(5).map { "\($0.code) (\($0.unclear) unclear\($0.stale ? ", review stale" : ""))" }.joined(separator: ", "))
                + "\n"
            return out
        }
    }
}
