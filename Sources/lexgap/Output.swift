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

    /// The file that marks a folder as made by `lexgap site` or `lexgap export`, so that a later run may replace it.
    static let marker = ".lexgap-output"

    /// Replaces `folder` with a folder holding exactly `files`, all or nothing: the files are written into a new
    /// folder beside it, which then takes the old one's place. A failure at any point leaves the old folder as it was,
    /// and nothing is ever written through a link that was inside it.
    ///
    /// A folder that exists, is not empty and was not made by lexgap is refused unless `force` is set.
    static func replaceFolder(_ folder: String, with files: [OutputFile], force: Bool) throws {
        let manager = FileManager.default
        let target = URL(fileURLWithPath: folder).standardizedFileURL
        let exists = manager.fileExists(atPath: target.path)
        if exists {
            guard FileInput.isDirectory(target.path) else { throw CommandFailure(message: "'\(folder)' exists and is not a folder") }
            let contents = (try? manager.contentsOfDirectory(atPath: target.path)) ?? []
            if !contents.isEmpty, !contents.contains(marker), !force {
                throw CommandFailure(
                    message: "refusing to replace '\(folder)': it is not empty and was not made by lexgap (pass --force to replace it)")
            }
        }
        let parent = target.deletingLastPathComponent()
        let suffix = "\(ProcessInfo.processInfo.processIdentifier)"
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).new-\(suffix)")
        let previous = parent.appendingPathComponent(".\(target.lastPathComponent).old-\(suffix)")
        do {
            try manager.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw CommandFailure(message: "cannot write '\(folder)': cannot create a folder in '\(parent.path)'")
        }
        do {
            try write(files + [OutputFile(path: marker, contents: "Made by lexgap (site or export); the next run replaces this folder.\n")], under: staging)
            if exists {
                guard rename(target.path, previous.path) == 0 else { throw CommandFailure(message: "cannot replace '\(folder)': \(String(cString: strerror(errno)))") }
            }
            guard rename(staging.path, target.path) == 0 else {
                let reason = String(cString: strerror(errno))
                if exists { _ = rename(previous.path, target.path) }
                throw CommandFailure(message: "cannot write '\(folder)': \(reason)")
            }
        } catch {
            try? manager.removeItem(at: staging)
            throw error
        }
        if exists { try? manager.removeItem(at: previous) }
    }

    /// Writes `files` under `root`, a folder this process has just created. Paths come from the core, which builds
    /// them only from validated codes and ids; a path that would leave the folder is refused all the same.
    private static func write(_ files: [OutputFile], under root: URL) throws {
        for file in files {
            let parts = file.path.split(separator: "/", omittingEmptySubsequences: false)
            guard !file.path.hasPrefix("/"), !file.path.contains("\0"),
                parts.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." })
            else {
                throw CommandFailure(message: "refusing to write '\(file.path)' outside the output folder")
            }
            let url = root.appendingPathComponent(file.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try write(file.contents, to: url.path)
        }
    }
}
