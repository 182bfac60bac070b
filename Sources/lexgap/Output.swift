import ArgumentParser
import Foundation
import LexgapCore
import SafeOutput

/// Every write of the command-line tool goes through here to `SafeOutput`, which knows the inputs of the run (so it
/// never replaces them) and turns its failures into the tool's exit code 2.
enum Output {
    /// `-o -` names standard output, as in most command-line tools.
    static let standardOutput = "-"

    /// `text` to `path`, or to standard output when `path` is nil or `-`.
    static func emit(_ text: String, to path: String?, detail: String? = nil) throws {
        try emit(Array(text.utf8), to: path, detail: detail)
    }

    /// After writing a file, says so on standard error (with `detail`, e.g. a word count), as `site` and `export` do.
    static func emit(_ bytes: [UInt8], to path: String?, detail: String? = nil) throws {
        guard let path, path != standardOutput else { return writeStandardOutput(bytes: bytes) }
        do {
            try SafeOutput.writeFile(bytes, to: path, inputs: Inputs.paths)
        } catch {
            throw CommandFailure(message: error.message)
        }
        writeStandardError("wrote \(path)\(detail.map { " (\($0))" } ?? "")\n")
    }

    /// A new file, never replacing one.
    static func create(_ text: String, at path: String) throws {
        do {
            try SafeOutput.createFile(Array(text.utf8), at: path)
        } catch {
            throw CommandFailure(message: error.message)
        }
    }

    /// Replaces `folder` with the files `fill` hands its sink, staged until `fill` returns.
    static func replaceFolder(_ folder: String, force: Bool, fill: (SafeOutput.Sink) throws(OutputFailure) -> Void) throws {
        do {
            try SafeOutput.replaceFolder(folder, force: force, inputs: Inputs.paths, fill: fill)
        } catch {
            throw CommandFailure(message: error.message)
        }
    }

    static func replaceFolder(_ folder: String, with files: [OutputFile], force: Bool) throws {
        try replaceFolder(folder, force: force) { (sink: SafeOutput.Sink) throws(OutputFailure) in
            for file in files { try sink.write(path: file.path, text: file.contents) }
        }
    }
}

/// The format a command writes: `--format` if given, else the one the output file's extension names, else the
/// default. A `--format` that contradicts the extension is a usage error: `-o x.pdf --format md` would write Markdown
/// into a file every program opens as a PDF.
func outputFormat<Format: RawRepresentable & CaseIterable>(_ given: Format?, output: String?, default fallback: Format) throws
    -> Format where Format.RawValue == String
{
    let aliases = ["markdown": "md", "htm": "html"]
    var named: Format?
    if let output, output != Output.standardOutput, let dot = output.lastIndex(of: "."), !output[dot...].contains("/") {
        let ending = output[output.index(after: dot)...].lowercased()
        named = Format(rawValue: aliases[ending] ?? ending)
    }
    if let given, let named, given != named {
        throw ValidationError(
            "--format \(given.rawValue) does not match the output file '\(output ?? "")' (.\(named.rawValue)); drop --format or rename the file"
        )
    }
    return given ?? named ?? fallback
}

/// The files and folders this run has read: no output may replace them.
enum Inputs {
    nonisolated(unsafe) private static var recorded: [String] = []
    private static let lock = NSLock()

    static func record(_ path: String) {
        lock.lock()
        defer { lock.unlock() }
        recorded.append(path)
    }

    static var paths: [String] {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }
}

func writeStandardOutput(_ text: String) { report(StandardStream.output.write(text)) }

func writeStandardOutput(bytes: [UInt8]) { report(StandardStream.output.write(bytes: bytes)) }

private func report(_ failure: Int32?) {
    guard let code = failure else { return }
    // A reader that went away (`lexgap rank | head`) is not an error to report; anything else is.
    if code != EPIPE { writeStandardError("error: cannot write to standard output: \(String(cString: strerror(code)))\n") }
    exit(2)
}

/// Messages to standard error; when that fails too there is no one left to tell, so the run ends quietly.
func writeStandardError(_ text: String) {
    if StandardStream.error.write(text) != nil { exit(2) }
}
