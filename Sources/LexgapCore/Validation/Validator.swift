/// Checks jurisdictions against the checklist: every criterion and treaty they name exists, every criterion is
/// assessed, and each file is named for its code. Runs after loading and never changes the model.
public enum Validator {
    public static func validate(_ jurisdiction: Jurisdiction, against checklist: Checklist) -> [Diagnostic] {
        let collector = DiagnosticCollector()
        let criterionIDs = checklist.criteria.map(\.id)

        let expectedCode = fileStem(jurisdiction.file)
        if JurisdictionCode.isWellFormed(jurisdiction.code), jurisdiction.code != expectedCode {
            collector.error(
                .codeMismatch,
                "code '\(jurisdiction.code)' does not match the file name '\(expectedCode)'; name the file \(jurisdiction.code).yaml",
                at: jurisdiction.codeLocation)
        }

        var seen: [String: SourceLocation] = [:]
        for assessment in jurisdiction.assessments {
            if let first = seen[assessment.criterion] {
                collector.error(
                    .duplicateID, "criterion \(assessment.criterion) is assessed more than once", at: assessment.location,
                    notes: [.init("first assessed here", at: first)])
            }
            seen[assessment.criterion] = seen[assessment.criterion] ?? assessment.location
            guard checklist.criterion(assessment.criterion) == nil else { continue }
            var message = "unknown criterion '\(assessment.criterion)'"
            if let suggestion = Suggestion.closest(to: assessment.criterion, among: criterionIDs) {
                message += "; did you mean '\(suggestion)'?"
            } else {
                message += " (not in checklist \(checklist.id) \(checklist.version))"
            }
            collector.error(.unknownCriterion, message, at: assessment.location)
        }
        for criterion in checklist.criteria where seen[criterion.id] == nil {
            collector.warning(.unassessed, "criterion \(criterion.id) is not assessed", at: jurisdiction.assessmentsLocation)
        }

        let treatyIDs = checklist.treaties.map(\.id)
        var seenTreaties: [String: SourceLocation] = [:]
        for participation in jurisdiction.treaties {
            if let first = seenTreaties[participation.treaty] {
                collector.error(
                    .duplicateID, "treaty \(participation.treaty) is listed more than once", at: participation.treatyLocation,
                    notes: [.init("first listed here", at: first)])
            }
            seenTreaties[participation.treaty] = seenTreaties[participation.treaty] ?? participation.treatyLocation
            guard !treatyIDs.contains(participation.treaty) else { continue }
            var message = "unknown treaty '\(participation.treaty)'"
            if let suggestion = Suggestion.closest(to: participation.treaty, among: treatyIDs) {
                message += "; did you mean '\(suggestion)'?"
            } else {
                message += " (expected one of: \(treatyIDs.joined(separator: ", ")))"
            }
            collector.error(.unknownTreaty, message, at: participation.treatyLocation)
        }
        return collector.diagnostics.sorted()
    }

    /// `jurisdictions/US-CA.yaml` → `US-CA`.
    static func fileStem(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: ".") else { return name }
        return String(name[..<dot])
    }
}
