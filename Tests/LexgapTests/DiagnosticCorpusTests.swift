import Foundation
import LexgapCore
import Testing

/// Each folder under Fixtures/broken holds one broken jurisdiction file and `expected.txt`, the exact diagnostics
/// (file:line:column: severity: message [code]) it must produce against Fixtures/checklist.yaml.
@Suite struct DiagnosticCorpusTests {
    static let brokenCases = Fixtures.subdirectories("broken")
    static let acceptedCases = Fixtures.subdirectories("accepted")
    static let brokenChecklists = Fixtures.subdirectories("broken-checklists")
    static let brokenWeights = Fixtures.subdirectories("broken-weights")

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

    @Test(arguments: brokenWeights)
    func brokenWeightsGiveTheirExactDiagnostics(_ name: String) throws {
        let checklist = try #require(ChecklistLoader.load(try Fixtures.checklist).0)
        let (_, diagnostics) = WeightsLoader.load(try Fixtures.file("broken-weights/\(name)/weights.yaml"), checklist: checklist)
        let actual = diagnostics.map { $0.formatted + "\n" }.joined()
        #expect(!actual.isEmpty)
        let golden = try Fixtures.matchesGolden(actual, "broken-weights/\(name)/expected.txt")
        #expect(actual == golden.expected)
    }

    /// A file over the size limit is refused before it is parsed (50 MB, made here rather than committed).
    @Test func fiftyMegabyteFileIsRefused() throws {
        var bytes = Array("schema_version: 1\nnote: \"".utf8)
        bytes += [UInt8](repeating: UInt8(ascii: "x"), count: 50 * 1024 * 1024)
        bytes += Array("\"\n".utf8)
        let actual = Self.diagnostics(checklist: try Fixtures.checklist, jurisdictions: [SourceFile(path: "XA.yaml", bytes: bytes)])
        #expect(actual == "XA.yaml:1:1: error: file is 50 MB; lexgap reads files of at most 8 MB [too-large]\n")
    }

    @Test func validFixtureHasNoDiagnostics() throws {
        #expect(Self.diagnostics(checklist: try Fixtures.checklist, jurisdictions: [try Fixtures.file("valid/XA.yaml")]) == "")
    }

    /// Every diagnostic code lexgap can emit is exercised by at least one broken fixture.
    /// The corpus is large enough to cover what the hardening issue lists (at least 60 broken files).
    @Test func corpusHasAtLeastSixtyBrokenFiles() {
        let count = ["broken", "broken-checklists", "broken-templates", "broken-weights"].map { Fixtures.subdirectories($0).count }.reduce(
            0, +)
        #expect(count >= 60)
    }

    @Test func everyDiagnosticCodeHasABrokenFixture() throws {
        var seen = Set<String>()
        for folder in ["broken", "broken-checklists", "broken-templates", "broken-weights"] {
            for name in Fixtures.subdirectories(folder) {
                let text = try String(
                    contentsOf: Fixtures.directory.appendingPathComponent("\(folder)/\(name)/expected.txt"), encoding: .utf8)
                for code in DiagnosticCode.allCases where text.contains("[\(code.rawValue)]") { seen.insert(code.rawValue) }
            }
        }
        let missing = DiagnosticCode.allCases.map(\.rawValue).filter { !seen.contains($0) }
        #expect(missing.isEmpty, "no fixture exercises: \(missing)")
    }
}
