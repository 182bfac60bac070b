/// How far two independent codings of the same jurisdiction agree, status by status: percent agreement and Cohen's
/// kappa (agreement corrected for chance), and every criterion on which they diverge.
public struct Agreement: Sendable {
    public struct Divergence: Sendable {
        public var criterion: Criterion
        public var first: AssessmentState?
        public var second: AssessmentState?
    }

    public var first: Jurisdiction
    public var second: Jurisdiction
    /// Criteria compared: those of the checklist.
    public var compared: Int
    public var agreed: Int
    public var percent: Double
    /// Nil when chance agreement is total (both coders gave one and the same status throughout).
    public var kappa: Double?
    public var divergences: [Divergence]

    /// Compares the current states; a criterion one coder did not assess counts as `unclear` for that coder.
    /// `sample` limits the comparison to some criteria (a second coder re-assesses a random third).
    public init(_ first: Jurisdiction, _ second: Jurisdiction, checklist: Checklist, sample: [String]? = nil) {
        self.first = first
        self.second = second
        var pairs: [(Status, Status)] = []
        var divergences: [Divergence] = []
        for criterion in checklist.criteria where sample.map({ $0.contains(criterion.id) }) ?? true {
            let a = first.assessment(criterion.id)?.current
            let b = second.assessment(criterion.id)?.current
            let pair = (a?.status ?? .unclear, b?.status ?? .unclear)
            pairs.append(pair)
            if pair.0 != pair.1 { divergences.append(Divergence(criterion: criterion, first: a, second: b)) }
        }
        compared = pairs.count
        agreed = pairs.count { $0.0 == $0.1 }
        let n = Double(max(compared, 1))
        let observed = Double(agreed) / n
        percent = 100 * observed
        let expected = Status.allCases.reduce(0.0) { sum, status in
            sum + Double(pairs.count { $0.0 == status }) / n * (Double(pairs.count { $0.1 == status }) / n)
        }
        kappa = expected < 1 ? (observed - expected) / (1 - expected) : nil
        self.divergences = divergences
    }
}

/// `lexgap agree A.yaml B.yaml`.
public struct AgreementReport: Sendable {
    public var agreement: Agreement

    public init(_ agreement: Agreement) { self.agreement = agreement }

    struct JSON: Codable {
        struct Answer: Codable {
            var status: Nullable<Status>
            var provisions: [String]
            var note: Nullable<String>
        }
        struct Entry: Codable { var id: String, title: String, first: Answer, second: Answer }
        var first: String, second: String, compared: Int, agreed: Int, percent: Nullable<Double>, kappa: Nullable<Double>
        var divergences: [Entry]
    }

    static func provisions(_ state: AssessmentState?) -> [String] {
        (state?.provisions ?? []).map { "\($0.instrument) \($0.section)" }
    }

    public func render(_ format: AnalysisFormat, width: Int? = nil) -> String {
        let a = agreement
        switch format {
        case .json:
            func answer(_ state: AssessmentState?) -> JSON.Answer {
                JSON.Answer(status: Nullable(state?.status), provisions: Self.provisions(state), note: Nullable(state?.note))
            }
            return JSONText.encode(
                JSON(
                    first: a.first.file, second: a.second.file, compared: a.compared, agreed: a.agreed,
                    percent: Number.json(a.percent), kappa: Nullable(a.kappa.map { ($0 * 1000).rounded() / 1000 }),
                    divergences: a.divergences.map {
                        JSON.Entry(id: $0.criterion.id, title: $0.criterion.title, first: answer($0.first), second: answer($0.second))
                    }))
        case .csv, .table:
            let header = ["criterion", "first", "second", "first provisions", "second provisions"]
            let rows = a.divergences.map { divergence in
                [
                    divergence.criterion.id, divergence.first?.status.rawValue ?? "-", divergence.second?.status.rawValue ?? "-",
                    Self.provisions(divergence.first).joined(separator: "; "), Self.provisions(divergence.second).joined(separator: "; "),
                ]
            }
            if format == .csv { return CSV.render(header: header, rows: rows) }
            let kappa = a.kappa.map { String(format: "%.3f", $0) } ?? "undefined (one status throughout)"
            var out = "\(a.first.file) and \(a.second.file): \(a.agreed) of \(a.compared) criteria agree "
            out += "(\(Number.text(a.percent))%); Cohen's kappa \(kappa)\n"
            if rows.isEmpty { return out + "\nNo divergence.\n" }
            return out + "\nDivergences\n\n" + TextTable(header: header.map { $0.uppercased() }, rows: rows).rendered(width: width)
        }
    }
}
