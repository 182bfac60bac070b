import Foundation
import LexgapCore
import Testing

/// Each folder under Fixtures/broken holds one broken jurisdiction file and `expected.txt`, the exact diagnostics
/// (file:line:column: severity: message [code]) it must produce against Fixtures/checklist.yaml.
@Suite struct DiagnosticCorpusTests {
    static let brokenCases = Fixtures.subdirectories("broken")
    static let acceptedCases = Fixtures.subdirectories("accepted")
    static let brokenChecklists = Fixtures.subdirectories("broken-checklists")

    static func diagnostics(checklist: SourceFile, jurisdictions: [SourceFile]) -> String {
        Corpus.load(checklist: checklist, jurisdictions: jurisdictions).diagnostics.map { $0.formatted + "\n" }.joined()
    }

    @Test(arguments: brokenCases)
    func brokenJurisdictionGivesItsExactDiagnostics(_ name: String) throws {
        let actual = Self.diagnostics(checklist: try Fixtures.checklist, jurisdictions: [try Fixtures.file("broken/\(name)/XA.yaml")])
        #expect(!actual.isEmpty, "a broken file must produce at least one diagnostic")
        let golden = try Fixtures.matchesGolden(actual, "broken/\(name)/expected.txt")
        #expect(actual == golden.expected)
    }

    @Test(arguments: acceptedCases)
    func acceptedInputHasNoDiagnostics(_ name: String) throws {
        let actual = Self.diagnostics(checklist: try Fixtures.checklist, jurisdictions: [try Fixtures.file("accepted/\(name)/XA.yaml")])
        #expect(actual == "")
    }

    @Test(arguments: brokenChecklists)
    func brokenChecklistGivesItsExactDiagnostics(_ name: String) throws {
        let actual = Self.diagnostics(checklist: try Fixtures.file("broken-checklists/\(name)/checklist.yaml"), jurisdictions: [])
        #expect(!actual.isEmpty)
        let golden = try Fixtures.matchesGolden(actual, "broken-checklists/\(name)/expected.txt")
        #expect(actual == golden.expected)
    }

    @Test func validFixtureHasNoDiagnostics() throws {
        #expect(Self.diagnostics(checklist: try Fixtures.checklist, jurisdictions: [try Fixtures.file("valid/XA.yaml")]) == "")
    }

    /// Every diagnostic code lexgap can emit is exercised by at least one broken fixture.
    @Test func everyDiagnosticCodeHasABrokenFixture() throws {
        var seen = Set<String>()
        for folder in ["broken", "broken-checklists", "broken-templates"] {
            for name in Fixtures.subdirectories(folder) {
                let text = try String(contentsOf: Fixtures.directory.appendingPathComponent("\(folder)/\(name)/expected.txt"), encoding: .utf8)
                for code in DiagnosticCode.allCases where text.contains("[\(code.rawValue)]") { seen.insert(code.rawValue) }
            }
        }
        let missing = DiagnosticCode.allCases.map(\.rawValue).filter { !seen.contains($0) }
        #expect(missing.isEmpty, "no fixture exercises: \(missing)")
    }
}
