/// The checklist and the jurisdictions loaded and validated together: the input of every analysis.
public struct Corpus: Sendable {
    public var checklist: Checklist?
    /// Jurisdictions sorted by code.
    public var jurisdictions: [Jurisdiction]
    /// Every diagnostic of every file, sorted by file, line and column.
    public var diagnostics: [Diagnostic]

    /// Loads the checklist, then each jurisdiction file, and validates the jurisdictions against the checklist.
    /// Never throws: every problem is a diagnostic.
    public static func load(checklist checklistFile: SourceFile, jurisdictions files: [SourceFile]) -> Corpus {
        var diagnostics: [Diagnostic] = []
        let (checklist, checklistDiagnostics) = ChecklistLoader.load(checklistFile)
        diagnostics += checklistDiagnostics
        var jurisdictions: [Jurisdiction] = []
        for file in files {
            let (jurisdiction, fileDiagnostics) = JurisdictionLoader.load(file)
            diagnostics += fileDiagnostics
            guard let jurisdiction else { continue }
            if let checklist, !checklistDiagnostics.hasErrors {
                diagnostics += Validator.validate(jurisdiction, against: checklist)
            }
            jurisdictions.append(jurisdiction)
        }
        jurisdictions.sort { ($0.code, $0.file) < ($1.code, $1.file) }
        return Corpus(checklist: checklist, jurisdictions: jurisdictions, diagnostics: diagnostics.sorted())
    }
}
