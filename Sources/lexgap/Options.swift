import ArgumentParser
import Foundation
import LexgapCore
import LexgapResources
import SafeOutput

/// Where the inputs come from. In a lexgap repository its own files are used; elsewhere the bundled checklist.
struct InputOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The checklist to assess against.", valueName: "file"))
    var checklist: String?

    @Option(help: ArgumentHelp("The folder of jurisdiction files (default: ./jurisdictions).", valueName: "dir"))
    var data: String?

    static let repositoryChecklist = "checklists/cybersex-trafficking.yaml"

    /// The checklist file: `--checklist`, else the repository's, else the bundled one.
    func checklistFile() throws -> SourceFile {
        if let checklist { return try FileInput.read(checklist) }
        if FileManager.default.fileExists(atPath: Self.repositoryChecklist) {
            return try FileInput.read(Self.repositoryChecklist)
        }
        guard let bundled = BundledResources.checklist else {
            throw CommandFailure(message: "the bundled checklist is missing next to the lexgap binary; pass --checklist FILE")
        }
        return try FileInput.read(bundled.path)
    }

    /// The jurisdiction files of `--data` (default ./jurisdictions), sorted by name.
    func jurisdictionFiles() throws -> [SourceFile] { try jurisdictionPaths().map(FileInput.read) }

    /// The jurisdiction files of the data folder, not yet read.
    func jurisdictionPaths() throws -> [String] {
        let folder = data ?? "jurisdictions"
        guard FileInput.isDirectory(folder) else {
            throw CommandFailure(
                message: data == nil
                    ? "no ./jurisdictions folder here; run lexgap from the repository root or pass --data DIR"
                    : "'\(folder)' is not a folder")
        }
        return try FileInput.yamlFiles(in: folder)
    }
}

enum FileInput {
    static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// A regular file's bytes; one over the size limit is not read at all (its size is reported instead), and a
    /// device or FIFO, which could be read forever, is refused.
    static func read(_ path: String) throws -> SourceFile {
        Inputs.record(path)
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw CommandFailure(message: "cannot read '\(path)': \(String(cString: strerror(errno)))")
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw CommandFailure(
                message: "cannot read '\(path)': it is \((info.st_mode & S_IFMT) == S_IFDIR ? "a folder" : "not a regular file")")
        }
        guard Int(info.st_size) <= SourceFile.sizeLimit else { return SourceFile(path: path, bytes: [], size: Int(info.st_size)) }
        guard let data = FileManager.default.contents(atPath: path) else { throw CommandFailure(message: "cannot read '\(path)'") }
        return SourceFile(path: path, bytes: [UInt8](data))
    }

    /// `*.yaml` and `*.yml` files directly in `folder`, sorted so that output never depends on the file system.
    static func yamlFiles(in folder: String) throws -> [String] {
        Inputs.record(folder)
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder)
        } catch {
            throw CommandFailure(message: "cannot list '\(folder)'")
        }
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
            .filter { !$0.hasPrefix(".") }
            .sorted()
            .map { prefix + $0 }
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

enum TableFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json
}

/// The terminal's width when standard output is a terminal; nil in pipes and CI logs, so output there is never cut.
var terminalWidth: Int? {
    guard isatty(STDOUT_FILENO) == 1 else { return nil }
    var size = winsize()
    guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
    return Int(size.ws_col)
}

/// Threads for loading files: one per core, or `LEXGAP_THREADS` (e.g. 1, to compare outputs or profile).
var loadingThreads: Int {
    if let text = ProcessInfo.processInfo.environment["LEXGAP_THREADS"], let value = Int(text), value >= 1 { return value }
    return Corpus.defaultThreads
}

/// Progress on long work, on standard error and only when it is a terminal: never in pipes or CI logs. Each call
/// replaces the previous line; `done()` clears it.
enum Progress {
    static let enabled = isatty(STDERR_FILENO) == 1

    static func show(_ message: String) {
        guard enabled else { return }
        StandardStream.error.write("\r\u{1B}[K\(message)")
    }

    static func done() {
        guard enabled else { return }
        StandardStream.error.write("\r\u{1B}[K")
    }
}
