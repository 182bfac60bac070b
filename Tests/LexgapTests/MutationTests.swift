import Foundation
import LexgapCore
import Testing

/// A property-based companion to the libFuzzer target (Fuzz/): thousands of deterministic mutations of valid files
/// go through the loader, the validator and, when they stay valid, the engine and the templates. None may crash,
/// and every diagnostic must point inside the file.
@Suite struct MutationTests {
    /// SplitMix64: small, fast and the same on every platform, so a failure reproduces from its seed.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Fragments that YAML and lexgap treat specially.
    static let fragments: [[UInt8]] = [
        ":", "- ", "\n", "\t", "  ", "&a ", "*a", "[", "]", "{", "}", "\"", "'", "#", "|", ">-", "!!str ", "? ", "---\n", "...",
        "~", "null", "2023-02-30", "99999999999999999999", "-1", "status: met", "since: 2024-01-01", "<script>", "\u{202E}", "é",
        "\r\n", "\u{0}",
    ].map { Array($0.utf8) }

    static func mutate(_ input: [UInt8], _ random: inout Generator) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            guard !bytes.isEmpty else { return Self.fragments.randomElement(using: &random)! }
            let at = Int.random(in: 0..<bytes.count, using: &random)
            switch Int.random(in: 0..<6, using: &random) {
            case 0: bytes[at] = UInt8.random(in: 0...255, using: &random)
            case 1: bytes.insert(contentsOf: Self.fragments.randomElement(using: &random)!, at: at)
            case 2: bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...40, using: &random)))
            case 3: bytes = Array(bytes[..<at])
            case 4:
                let end = min(bytes.count, at + Int.random(in: 1...200, using: &random))
                bytes.insert(contentsOf: bytes[at..<end], at: Int.random(in: 0...bytes.count, using: &random))
            default:
                let other = Int.random(in: 0..<bytes.count, using: &random)
                bytes.swapAt(at, other)
            }
        }
        return bytes
    }

    @Test func mutatedFilesNeverCrashAndPointInsideTheFile() throws {
        let checklistFile = try Fixtures.file("analysis/checklist.yaml")
        let checklist = try #require(ChecklistLoader.load(checklistFile).0)
        let seeds = try ["valid/XA.yaml", "accepted/flow-style/XA.yaml", "xss/XA.yaml", "analysis/jurisdictions/XB.yaml"]
            .map { try Fixtures.file($0).bytes }
        let templates = try TemplateSet(files: Self.templateFiles(), searched: ["templates"])
        let date = try #require(LegalDate(year: 2026, month: 1, day: 1))
        var random = Generator(state: 20_261_122)
        var valid = 0
        for iteration in 0..<3000 {
            let bytes = Self.mutate(seeds[iteration % seeds.count], &random)
            let lines = bytes.count { $0 == 0x0A } + 1
            let corpus = Corpus.load(checklist: checklistFile, jurisdictions: [SourceFile(path: "XA.yaml", bytes: bytes)])
            for diagnostic in corpus.diagnostics {
                #expect(
                    (1...lines + 1).contains(diagnostic.location.line) && diagnostic.location.column >= 1,
                    "iteration \(iteration): \(diagnostic.formatted)")
            }
            _ = WeightsLoader.load(SourceFile(path: "weights.yaml", bytes: bytes), checklist: checklist)
            _ = ChecklistLoader.load(SourceFile(path: "checklist.yaml", bytes: bytes))
            guard !corpus.diagnostics.hasErrors, let jurisdiction = corpus.jurisdictions.first else { continue }
            valid += 1
            let card = ScoreCard(jurisdiction, checklist: checklist, asOf: date)
            let report = CountryReport(card: card, ranking: Ranking([card]), checklist: checklist, weights: .checklist)
            #expect(try templates.render(report, with: "country.html").contains("</html>"))
        }
        // Some mutations must stay valid, or the engine and templates were never reached.
        #expect(valid > 50)
    }

    static func templateFiles() throws -> [TemplateSet.File] {
        let folder = Fixtures.repository.appendingPathComponent("templates")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().compactMap { name in
            guard let template = TemplateSet.name(ofFile: name) else { return nil }
            let url = folder.appendingPathComponent(name)
            return TemplateSet.File(name: template, source: SourceFile(path: name, bytes: [UInt8](try Data(contentsOf: url))))
        }
    }
}
