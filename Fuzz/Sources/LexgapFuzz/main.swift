import Foundation
import LexgapCore

// Each input is read as a jurisdiction file, a checklist and a weights file. A jurisdiction that loads cleanly is
// then scored and turned into a country report and the site's views, so the engine is fuzzed too. Nothing may crash,
// hang or read out of bounds (run with the address sanitizer).

let checklistText = """
    schema_version: 1
    id: fuzz
    version: 1.0.0
    title: Fuzz checklist
    sources: [Fuzz]
    treaties:
      - {id: OPSC, title: Optional Protocol}
    categories:
      - {id: CRIM, title: Criminalisation, weight: 3}
      - {id: JUR, title: Jurisdiction, weight: 2}
    criteria:
      - {id: CRIM-LIVESTREAM, category: CRIM, title: Live streaming, question: Q?, weight: 3, why: W, standards: [S], recommendation: R, guidance: {met: M, partial: P}, crosswalk: {icmec: [3]}}
      - {id: CRIM-VIEWERS, category: CRIM, title: Viewers, question: Q?, weight: 2, why: W, standards: [], recommendation: R, guidance: {met: M, partial: P}}
      - {id: JUR-TREATIES, category: JUR, title: Treaties, question: Q?, weight: 2, why: W, standards: [], recommendation: R, guidance: {met: M, partial: P}}
    """
let checklist = ChecklistLoader.load(SourceFile(path: "checklist.yaml", bytes: Array(checklistText.utf8))).0!
let checklistFile = SourceFile(path: "checklist.yaml", bytes: Array(checklistText.utf8))
let date = LegalDate(year: 2026, month: 1, day: 1)!

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let corpus = Corpus.load(checklist: checklistFile, jurisdictions: [SourceFile(path: "XA.yaml", bytes: bytes)])
    for diagnostic in corpus.diagnostics {
        precondition(diagnostic.location.line >= 1 && diagnostic.location.column >= 1, "bad location: \(diagnostic.formatted)")
    }
    if !corpus.diagnostics.hasErrors, let jurisdiction = corpus.jurisdictions.first {
        let card = ScoreCard(jurisdiction, checklist: checklist, asOf: date)
        let report = CountryReport(card: card, ranking: Ranking([card]), checklist: checklist, weights: .checklist)
        _ = JSONText.encode(report)
        _ = Site(checklist: checklist, jurisdictions: [jurisdiction], weights: .checklist, asOf: date).pages.count
        _ = LawChange.timeline(jurisdiction, checklist: checklist)
    }
    _ = ChecklistLoader.load(SourceFile(path: "checklist.yaml", bytes: bytes))
    _ = WeightsLoader.load(SourceFile(path: "weights.yaml", bytes: bytes), checklist: checklist)
    return 0
}
