import Dispatch
import Foundation
import Synchronization

/// The checklist and the jurisdictions loaded and validated together: the input of every analysis.
public struct Corpus: Sendable {
    public var checklist: Checklist?
    /// Jurisdictions sorted by code.
    public var jurisdictions: [Jurisdiction]
    /// Every diagnostic of every file, sorted by file, line and column.
    public var diagnostics: [Diagnostic]

    /// Loads the checklist, then each jurisdiction file, and validates the jurisdictions against the checklist.
    /// Never throws: every problem is a diagnostic.
    ///
    /// Files are independent, so they are loaded on all cores (`threads` > 1); the result is the same, in the same
    /// order, with any number of threads.
    ///
    /// A data set holds one file per jurisdiction; `agree`, which compares two codings of one, says otherwise.
    public static func load(
        checklist checklistFile: SourceFile, jurisdictions files: [SourceFile], threads: Int = defaultThreads,
        oneFilePerJurisdiction: Bool = true
    ) -> Corpus {
        var diagnostics: [Diagnostic] = []
        let (checklist, checklistDiagnostics) = ChecklistLoader.load(checklistFile)
        diagnostics += checklistDiagnostics
        let usable = checklistDiagnostics.hasErrors ? nil : checklist
        let loaded = files.parallelMap(threads: threads) { file -> (Jurisdiction?, [Diagnostic]) in
            let (jurisdiction, fileDiagnostics) = JurisdictionLoader.load(file)
            guard let jurisdiction, let usable else { return (jurisdiction, fileDiagnostics) }
            return (jurisdiction, fileDiagnostics + Validator.validate(jurisdiction, against: usable))
        }
        var jurisdictions: [Jurisdiction] = []
        for (jurisdiction, fileDiagnostics) in loaded {
            diagnostics += fileDiagnostics
            if let jurisdiction { jurisdictions.append(jurisdiction) }
        }
        jurisdictions.sort { ($0.code, $0.file) < ($1.code, $1.file) }
        if oneFilePerJurisdiction { diagnostics += duplicateCodes(jurisdictions) }
        return Corpus(checklist: checklist, jurisdictions: jurisdictions, diagnostics: diagnostics.sorted())
    }

    /// Loads and validates the files one at a time (on up to `threads` threads), handing each jurisdiction that
    /// loads to `keep` as soon as it is checked: only what `keep` returns stays in memory, so a command that needs
    /// a summary of each file (a score) does not hold every file's text at once. `file(i)` reads the i-th file
    /// when it is needed. Diagnostics are those `load` gives, duplicate codes included.
    public static func stream<Kept: Sendable>(
        checklist: Checklist?, count: Int, threads: Int = defaultThreads, oneFilePerJurisdiction: Bool = true,
        file: @Sendable (Int) -> SourceFile, keep: @Sendable (Jurisdiction) -> Kept?
    ) -> (kept: [Kept], diagnostics: [Diagnostic]) {
        let loaded = Array(0..<count).parallelMap(threads: threads) { index -> (Kept?, Identity?, [Diagnostic]) in
            let (jurisdiction, fileDiagnostics) = JurisdictionLoader.load(file(index))
            guard let jurisdiction else { return (nil, nil, fileDiagnostics) }
            let identity = Identity(code: jurisdiction.code, file: jurisdiction.file, location: jurisdiction.codeLocation)
            let diagnostics = checklist.map { fileDiagnostics + Validator.validate(jurisdiction, against: $0) } ?? fileDiagnostics
            return (keep(jurisdiction), identity, diagnostics)
        }
        var diagnostics = loaded.flatMap(\.2)
        if oneFilePerJurisdiction { diagnostics += duplicateCodes(loaded.compactMap(\.1)) }
        return (loaded.compactMap(\.0), diagnostics.sorted())
    }

    /// What the duplicate-code check needs of a file.
    struct Identity: Sendable {
        var code: String
        var file: String
        var location: SourceLocation
    }

    static func duplicateCodes(_ jurisdictions: [Jurisdiction]) -> [Diagnostic] {
        duplicateCodes(jurisdictions.map { Identity(code: $0.code, file: $0.file, location: $0.codeLocation) })
    }

    /// Two files for one jurisdiction (`PH.yaml` and `PH.yml`, or `ph.yaml`) would be listed twice, or one would
    /// silently win: each is an error naming the other.
    static func duplicateCodes(_ jurisdictions: [Identity]) -> [Diagnostic] {
        var byCode: [String: [Identity]] = [:]
        for jurisdiction in jurisdictions where !jurisdiction.code.isEmpty {
            byCode[jurisdiction.code.uppercased(), default: []].append(jurisdiction)
        }
        return byCode.values.filter { $0.count > 1 }.flatMap { group in
            group.map { jurisdiction in
                let others = group.filter { $0.file != jurisdiction.file }.map { "'\($0.file)'" }
                return Diagnostic(
                    .error, .duplicateID,
                    "jurisdiction \(jurisdiction.code) is also in \(listInProse(others)); keep one file per jurisdiction",
                    at: jurisdiction.location)
            }
        }
    }
}

extension Corpus {
    /// One thread per core.
    public static var defaultThreads: Int { ProcessInfo.processInfo.activeProcessorCount }
}

extension Array where Element: Sendable {
    /// `map` on up to `threads` threads, keeping the order of the elements.
    func parallelMap<T: Sendable>(threads: Int, _ transform: @Sendable (Element) -> T) -> [T] {
        guard threads > 1, count > 1 else { return map(transform) }
        let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        defer {
            _ = results.deinitialize()
            results.deallocate()
        }
        // Each item writes only its own slot, so the slots need no lock. Threads take the next item as they finish
        // one, rather than a fixed share: a site's index page takes as long as hundreds of country pages.
        nonisolated(unsafe) let slots = results
        let next = Atomic<Int>(0)
        withoutActuallyEscaping(transform) { transform in
            DispatchQueue.concurrentPerform(iterations: Swift.min(threads, count)) { _ in
                while true {
                    let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                    guard index < count else { return }
                    slots[index] = transform(self[index])
                }
            }
        }
        return results.map { $0! }
    }
}
