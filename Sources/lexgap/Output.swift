import Foundation
import LexgapCore

/// Writes output files so that a reader never sees half of one: each file is written in full to a temporary file
/// beside it and renamed into place, which replaces the old file in one step.
enum Output {
    static func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }

    static func write(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: data) else {
            throw CommandFailure(message: "cannot write '\(path)' (is '\(folder.path)' an existing, writable folder?)")
        }
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw CommandFailure(message: "cannot write '\(path)': \(reason)")
        }
    }

    /// Writes `files` under `folder`, creating subfolders. Paths come from the core, which builds them only from
    /// validated codes and ids; a path that would leave the folder is refused all the same.
    static func write(_ files: [OutputFile], under folder: String) throws {
        let root = URL(fileURLWithPath: folder).standardizedFileURL
        for file in files {
            let parts = file.path.split(separator: "/", omittingEmptySubsequences: false)
            guard !file.path.hasPrefix("/"), !file.path.contains("\0"),
                parts.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." })
            else {
                throw CommandFailure(message: "refusing to write '\(file.path)' outside '\(folder)'")
            }
            let url = root.appendingPathComponent(file.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try write(file.contents, to: url.path)
        }
    }
}
