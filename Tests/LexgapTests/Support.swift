import Foundation
import LexgapCore

/// Paths and helpers shared by the tests.
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Golden files are rewritten, not compared, when this is set: `LEXGAP_RECORD=1 swift test`.
    static var recording: Bool { ProcessInfo.processInfo.environment["LEXGAP_RECORD"] == "1" }

    /// A fixture file, shown in diagnostics by its bare name (`XA.yaml`) so expectations do not depend on the
    /// machine's paths.
    static func file(_ relativePath: String) throws -> SourceFile {
        let url = directory.appendingPathComponent(relativePath)
        return SourceFile(path: url.lastPathComponent, bytes: [UInt8](try Data(contentsOf: url)))
    }

    static func subdirectories(_ relativePath: String) -> [String] {
        let url = directory.appendingPathComponent(relativePath)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }

    static var checklist: SourceFile { get throws { try file("checklist.yaml") } }

    /// Compares `actual` with the golden file at `relativePath`, or records it.
    static func matchesGolden(_ actual: String, _ relativePath: String) throws -> (expected: String, matches: Bool) {
        let url = directory.appendingPathComponent(relativePath)
        if recording {
            try Data(actual.utf8).write(to: url)
            return (actual, true)
        }
        let expected = (try? String(contentsOf: url, encoding: .utf8)) ?? "<missing \(relativePath): run LEXGAP_RECORD=1 swift test>"
        return (expected, expected == actual)
    }
}

/// The `lexgap` executable built alongside the tests, run as a user would run it.
enum CLI {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static var executable: URL? {
        var candidates: [URL] = []
        let runner = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        candidates.append(runner.deletingLastPathComponent())
        candidates.append(Bundle.main.bundleURL)
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent())
        for argument in CommandLine.arguments.prefix(1) {
            candidates.append(URL(fileURLWithPath: argument).deletingLastPathComponent())
        }
        for folder in candidates {
            for name in ["lexgap", "../lexgap"] {
                let url = folder.appendingPathComponent(name).standardizedFileURL
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                    FileManager.default.isExecutableFile(atPath: url.path)
                {
                    return url
                }
            }
        }
        return nil
    }

    static func run(_ arguments: [String], in directory: URL = Fixtures.repository, environment: [String: String]? = nil) throws -> Result {
        guard let executable else { throw CLIError.notBuilt }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let environment { process.environment = environment }
        process.currentDirectoryURL = directory
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        // Read before waiting, so a large output cannot fill the pipe and block the child.
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
            stderr: String(decoding: err, as: UTF8.self))
    }

    enum CLIError: Error { case notBuilt }
}
