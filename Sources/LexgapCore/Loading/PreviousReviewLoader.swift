/// The State's last Universal Periodic Review as the advocate records it, for the "Follow-up to the previous review"
/// section of a UPR submission.
public struct PreviousReview: Sendable {
    /// What the State said of a recommendation: it supports it or takes note of it.
    public enum Response: String, CaseIterable, Sendable {
        case supported, noted
    }

    public struct Recommendation: Sendable {
        /// The number in the Working Group's report, e.g. "147.12".
        public var number: String
        /// The recommending State.
        public var from: String?
        public var text: String
        public var response: Response?
        /// What the advocate observed of its implementation.
        public var implementation: String?
    }

    /// The date of the review (the interactive dialogue); changes in the law are counted from it.
    public var date: LegalDate
    public var recommendations: [Recommendation]
}

/// Reads a previous-review file:
///
/// ```yaml
/// schema_version: 1
/// review: 2022-11-14
/// recommendations:
///   - number: "147.12"
///     from: Sweden
///     text: Criminalize all forms of online sexual exploitation of children.
///     response: supported
///     implementation: RA 11930 was enacted on 30 July 2022.
/// ```
public enum PreviousReviewLoader {
    public static func load(_ file: SourceFile) -> (PreviousReview?, [Diagnostic]) {
        let collector = DiagnosticCollector()
        var review: PreviousReview?
        if let root = YAMLParsing.parse(file, into: collector),
            let top = MappingReader(root, what: "the previous-review file", file: file.path, collector: collector),
            SchemaVersion.check(top, supported: 1) != nil
        {
            top.checkKeys(["schema_version", "review", "recommendations"])
            let date = top.date("review", required: true)
            var recommendations: [PreviousReview.Recommendation] = []
            for node in top.sequence("recommendations", required: true) {
                guard
                    let item = MappingReader(
                        node, what: "a recommendation", file: file.path, fallback: top.location, collector: collector)
                else { continue }
                item.checkKeys(["number", "from", "text", "response", "implementation"])
                let number = item.string("number")
                let text = item.string("text")
                let response = item.choice("response", as: PreviousReview.Response.self, required: false)
                guard let number, let text else { continue }
                recommendations.append(
                    PreviousReview.Recommendation(
                        number: number, from: item.string("from", required: false), text: text, response: response,
                        implementation: item.string("implementation", required: false)))
            }
            if let date { review = PreviousReview(date: date, recommendations: recommendations) }
        }
        let diagnostics = collector.diagnostics.sorted()
        return (diagnostics.hasErrors ? nil : review, diagnostics)
    }
}
