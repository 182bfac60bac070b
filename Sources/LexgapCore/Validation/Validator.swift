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
            if let criterion = checklist.criterion(assessment.criterion) {
                for child in assessment.timeline.compactMap(\.children) where !criterion.coversAdults {
                    collector.warning(
                        .invalidValue,
                        "\(criterion.id) concerns children only (the checklist does not mark it covers_adults), so it has no separate child part; say it in the state and remove 'children'",
                        at: child.location)
                }
                continue
            }
            var message = "unknown criterion '\(assessment.criterion)'"
            if let suggestion = Suggestion.closest(to: assessment.criterion, among: criterionIDs) {
                message += "; did you mean '\(suggestion)'?"
            } else {
                message += " (not in checklist \(checklist.id) \(checklist.version))"
            }
            collector.error(.unknownCriterion, message, at: assessment.location)
        }
        for criterion in checklist.criteria where seen[criterion.id] == nil && jurisdiction.hasAssessments {
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
        checkRecord(jurisdiction, collector)
        checkInstruments(jurisdiction, collector)
        if !jurisdiction.draft { checkPlaceholders(jurisdiction, collector) }
        return collector.diagnostics.sorted()
    }

    /// Every criterion has a state on `recorded_from`: a history that starts later leaves the law silently unrecorded.
    static func checkRecord(_ jurisdiction: Jurisdiction, _ collector: DiagnosticCollector) {
        guard let from = jurisdiction.recordedFrom else { return }
        for assessment in jurisdiction.assessments {
            guard let first = assessment.timeline.first, let since = first.since, since > from else { continue }
            collector.error(
                .unrecordedPeriod,
                "\(assessment.criterion) has no state recorded from \(from) (recorded_from) until \(since); add a history entry for "
                    + "that period, or move recorded_from to \(since)",
                at: first.sinceLocation ?? assessment.location,
                notes: [.init("recorded_from is set here", at: jurisdiction.recordedFromLocation)])
        }
    }

    /// Instruments can be found (a `url`, or the reason there is none), and every provision a met or partial cites
    /// is in force on the date its state claims and not repealed while the state holds.
    static func checkInstruments(_ jurisdiction: Jurisdiction, _ collector: DiagnosticCollector) {
        // A `url` given but rejected is reported where it is written.
        for instrument in jurisdiction.instruments where instrument.urlLocation == nil && instrument.urlUnavailable == nil {
            collector.warning(
                .missingURL,
                "instrument \(instrument.id) has no 'url'; link an official or authoritative text, or say why with 'url_unavailable: …'",
                at: instrument.location)
        }
        for assessment in jurisdiction.assessments {
            let timeline = assessment.timeline
            for (index, state) in timeline.enumerated() where state.status.needsProvision {
                let start = state.since ?? jurisdiction.recordedFrom
                let end = index + 1 < timeline.count ? timeline[index + 1].since : nil
                for provision in state.provisions {
                    guard let instrument = jurisdiction.instrument(provision.instrument) else { continue }
                    if let start, let inForce = instrument.inForce ?? instrument.enacted, inForce > start {
                        collector.warning(
                            .notInForce,
                            "\(assessment.criterion) cites \(instrument.id) for \(start), but it is in force only from \(inForce); "
                                + "date the state from \(inForce), or cite the law in force then",
                            at: provision.location,
                            notes: instrument.inForceLocation.map { [.init("in force from here", at: $0)] } ?? [])
                    }
                    if let repealed = instrument.repealed, end.map({ repealed < $0 }) ?? true {
                        collector.warning(
                            .notInForce,
                            "\(assessment.criterion) cites \(instrument.id), repealed on \(repealed), for a state that still holds then; "
                                + "add a history entry from \(repealed) citing the law that replaced it",
                            at: provision.location,
                            notes: instrument.repealedLocation.map { [.init("repealed here", at: $0)] } ?? [])
                    }
                }
            }
        }
    }

    /// Text that `lexgap new` writes for the author to replace.
    static func checkPlaceholders(_ jurisdiction: Jurisdiction, _ collector: DiagnosticCollector) {
        func check(_ text: String?, _ field: String, at location: SourceLocation?) {
            guard let text, let location, Scaffold.placeholders.contains(where: text.containsBytes) else { return }
            collector.warning(
                .placeholderText, "\(field) still holds the placeholder text of 'lexgap new'; write it, or mark the file 'draft: true'",
                at: location)
        }
        check(jurisdiction.summary, "summary", at: jurisdiction.summaryLocation)
        for assessment in jurisdiction.assessments {
            for state in assessment.timeline {
                check(state.finding, "the finding of \(assessment.criterion)", at: state.findingLocation)
                check(state.children?.finding, "the child part of \(assessment.criterion)", at: state.children?.location)
                check(state.note, "the note of \(assessment.criterion)", at: state.noteLocation)
            }
        }
    }

    /// `jurisdictions/US-CA.yaml` → `US-CA`.
    static func fileStem(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: ".") else { return name }
        return String(name[..<dot])
    }
}
