import Foundation
import LexgapCore

// The first byte of each input chooses what the rest is fed to:
// - 0, 1: a jurisdiction file, a checklist and a weights file; a jurisdiction that loads cleanly is then scored and
//   turned into a country report and the site's views, so the engine is fuzzed too.
// - 2: a report template (it replaces `country.html`), parsed and rendered over a valid report.
// - 3: a command line for the `lexgap` binary (arguments separated by newlines), run in a scratch folder that holds
//   data, a FIFO, links and a read-only file; the run must end by itself, without a signal, and leave its inputs as
//   they were. Set LEXGAP_BIN to the binary (default: .build/release/lexgap).
// Nothing may crash, hang or read out of bounds (run with the address sanitizer).

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
let jurisdictionText = """
    schema_version: 2
    code: XA
    name: Testland
    region: Nowhere
    reviewed: 2026-01-15
    recorded_from: 2009-12-01
    instruments:
      - {id: ACT-1, title: Online Abuse Act, short: OAA, citation: Act No. 1 of 2009, in_force: 2009-12-01, url: "https://example.org/a"}
    assessments:
      CRIM-LIVESTREAM: {status: partial, provisions: [{instrument: ACT-1, section: s 3}], finding: Recorded material only., amend: ACT-1}
      CRIM-VIEWERS: {status: unclear, note: Not read.}
      JUR-TREATIES: {status: absent, finding: No treaty., amend: new}
    """
let checklistFile = SourceFile(path: "checklist.yaml", bytes: Array(checklistText.utf8))
let checklist = ChecklistLoader.load(checklistFile).0!
let date = LegalDate(year: 2026, month: 1, day: 1)!
let validJurisdiction = Corpus.load(
    checklist: checklistFile, jurisdictions: [SourceFile(path: "XA.yaml", bytes: Array(jurisdictionText.utf8))]
).jurisdictions[0]
let validCard = ScoreCard(validJurisdiction, checklist: checklist, asOf: date)
let validReport = CountryReport(card: validCard, ranking: Ranking([validCard]), checklist: checklist, weights: .checklist)

func fuzzInputFiles(_ bytes: [UInt8]) {
    let corpus = Corpus.load(checklist: checklistFile, jurisdictions: [SourceFile(path: "XA.yaml", bytes: bytes)])
    for diagnostic in corpus.diagnostics {
        precondition(diagnostic.location.line >= 1 && diagnostic.location.column >= 1, "bad location: \(diagnostic.formatted)")
    }
    if !corpus.diagnostics.hasErrors, let jurisdiction = corpus.jurisdictions.first {
        let card = ScoreCard(jurisdiction, checklist: checklist, asOf: date)
        let report = CountryReport(card: card, ranking: Ranking([card]), checklist: checklist, weights: .checklist)
        _ = JSONText.encode(report)
        _ = try? Site(checklist: checklist, jurisdictions: [jurisdiction], weights: .checklist, asOf: date).pages.map { try $0.view() }
            .count
        _ = LawChange.timeline(jurisdiction, checklist: checklist)
        _ = Gap.gaps(of: card, peers: [card]).map(\.reform)
    }
    _ = ChecklistLoader.load(SourceFile(path: "checklist.yaml", bytes: bytes))
    _ = WeightsLoader.load(SourceFile(path: "weights.yaml", bytes: bytes), checklist: checklist)
}

func fuzzTemplate(_ bytes: [UInt8]) {
    let file = TemplateSet.File(name: "country.html", source: SourceFile(path: "country.html.mustache", bytes: bytes))
    let partial = TemplateSet.File(name: "_part", source: SourceFile(path: "_part.mustache", bytes: bytes))
    guard let templates = try? TemplateSet(files: [file, partial], searched: ["fuzz"]) else { return }
    _ = try? templates.render(validReport, with: "country.html")
}

/// A scratch folder with data to read and hostile places to write: the command runs in it.
func sandbox() -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lexgap-fuzz-cli-\(getpid())")
    try? FileManager.default.removeItem(at: folder)
    try! FileManager.default.createDirectory(at: folder.appendingPathComponent("jurisdictions"), withIntermediateDirectories: true)
    try! Data(checklistText.utf8).write(to: folder.appendingPathComponent("checklist.yaml"))
    try! Data(jurisdictionText.utf8).write(to: folder.appendingPathComponent("jurisdictions/XA.yaml"))
    try! Data("kept\n".utf8).write(to: folder.appendingPathComponent("readonly.md"))
    chmod(folder.appendingPathComponent("readonly.md").path, 0o400)
    mkfifo(folder.appendingPathComponent("fifo").path, 0o600)
    symlink("/dev/null", folder.appendingPathComponent("null-link").path)
    symlink("readonly.md", folder.appendingPathComponent("file-link").path)
    symlink("jurisdictions", folder.appendingPathComponent("data-link").path)
    return folder
}

let binary = URL(fileURLWithPath: ProcessInfo.processInfo.environment["LEXGAP_BIN"] ?? ".build/release/lexgap").path

func fuzzCommandLine(_ bytes: [UInt8]) {
    let arguments = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        .prefix(24).map { String($0.prefix(300)).replacingOccurrences(of: "\0", with: "") }
    let folder = sandbox()
    defer { try? FileManager.default.removeItem(at: folder) }
    // posix_spawn rather than Foundation's Process, which leaks a little on every run and would drown real leaks.
    let argv = ([binary] + arguments + ["--checklist", "checklist.yaml"]).map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    for descriptor: Int32 in [0, 1, 2] {
        posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY, 0)
    }
    let previous = FileManager.default.currentDirectoryPath
    FileManager.default.changeCurrentDirectoryPath(folder.path)
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, binary, &actions, nil, argv, environ)
    FileManager.default.changeCurrentDirectoryPath(previous)
    guard spawned == 0 else { return }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1, errno == EINTR {}
    // Ended by a signal: a crash (a trap, a segmentation fault), never a refusal.
    let signal = status & 0x7f
    precondition(signal == 0, "lexgap was killed by signal \(signal): \(arguments)")
    let code = (status >> 8) & 0xff
    precondition((0...2).contains(code), "exit \(code): \(arguments)")
    let data = FileManager.default.contents(atPath: folder.appendingPathComponent("jurisdictions/XA.yaml").path)
    precondition(data == Data(jurisdictionText.utf8), "an input was changed: \(arguments)")
    precondition(
        FileManager.default.contents(atPath: folder.appendingPathComponent("readonly.md").path) == Data("kept\n".utf8)
            || arguments.contains("file-link") || arguments.contains("readonly.md"), "a file not named was changed: \(arguments)")
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    switch data[0] % 4 {
    case 2: fuzzTemplate(bytes)
    case 3: fuzzCommandLine(bytes)
    default: fuzzInputFiles(bytes)
    }
    return 0
}
