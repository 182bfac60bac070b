import Foundation
import LexgapCore
import Testing

/// Each failure found by trying lexgap as a hostile or careless user would, reproduced as a user would meet it: the
/// CLI as a process in a scratch project, asserting the exit code, the message, and that nothing outside the output
/// changed.
@Suite struct HardeningTwoTests {
    /// A scratch copy of a small project: the fixture checklist where lexgap looks for it, and the three fixture
    /// jurisdictions.
    static func project() throws -> URL {
        let folder = try Scratch.folder()
        let manager = FileManager.default
        try manager.createDirectory(at: folder.appendingPathComponent("checklists"), withIntermediateDirectories: true)
        try manager.copyItem(
            at: Fixtures.directory.appendingPathComponent("analysis/checklist.yaml"),
            to: folder.appendingPathComponent("checklists/cybersex-trafficking.yaml"))
        try manager.copyItem(
            at: Fixtures.directory.appendingPathComponent("analysis/jurisdictions"), to: folder.appendingPathComponent("jurisdictions"))
        return folder
    }

    /// Every regular file under `folder` with its bytes and mode, and every link with its target: what a run must not
    /// change. FIFOs and devices are listed by kind (reading one could block).
    static func snapshot(_ folder: URL) -> [String: String] {
        var state: [String: String] = [:]
        let walker = FileManager.default.enumerator(atPath: folder.path)
        while let relative = walker?.nextObject() as? String {
            let path = folder.appendingPathComponent(relative).path
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFREG:
                let bytes = FileManager.default.contents(atPath: path) ?? Data()
                state[relative] = "file \(String(info.st_mode & 0o777, radix: 8)) \(bytes.count) \(bytes.hashValue)"
            case S_IFLNK: state[relative] = "link " + ((try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "")
            case S_IFDIR: state[relative] = "folder"
            default: state[relative] = "special"
            }
        }
        return state
    }

    static func run(_ arguments: [String], in folder: URL) throws -> CLI.Result { try CLI.run(arguments, in: folder) }

    /// Runs lexgap through the shell, for redirections a Process cannot express (a closed stream, /dev/full).
    static func shell(_ command: String, in folder: URL) throws -> (status: Int32, stderr: String) {
        let executable = try #require(CLI.executable).path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command.replacingOccurrences(of: "lexgap ", with: "'\(executable)' ")]
        process.currentDirectoryURL = folder
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    // MARK: - No file lost or overwritten

    @Test func siteIntoTheProjectFolderIsRefusedEvenWithForce() throws {
        let folder = try Self.project()
        let before = Self.snapshot(folder)
        let result = try Self.run(["site", "-o", ".", "--force"], in: folder)
        #expect(result.status == 2)
        #expect(
            result.stderr
                == "error: refusing to replace '.': it holds 'checklists/cybersex-trafficking.yaml', an input of this run; write the output elsewhere\n"
        )
        #expect(Self.snapshot(folder) == before)
    }

    @Test func exportOverItsOwnDataIsRefused() throws {
        let folder = try Self.project()
        let before = Self.snapshot(folder)
        let result = try Self.run(["export", "-o", "jurisdictions", "--force", "--data", "jurisdictions"], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr == "error: refusing to replace 'jurisdictions': it is an input of this run; write the output elsewhere\n")
        #expect(Self.snapshot(folder) == before)
    }

    /// `--force` replaces a folder that looks like lexgap's output, never one that holds anything else.
    @Test func forceRefusesAFolderThatIsNotOutput() throws {
        let folder = try Self.project()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("notes"), withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: folder.appendingPathComponent("notes/thesis.docx"))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("old-site"), withIntermediateDirectories: true)
        try Data("<p>old</p>".utf8).write(to: folder.appendingPathComponent("old-site/index.html"))
        let before = Self.snapshot(folder)
        let refused = try Self.run(["site", "-o", "notes", "--force", "--as-of", "2026-01-01"], in: folder)
        #expect(refused.status == 2)
        #expect(
            refused.stderr.contains("refusing to replace 'notes', even with --force: it holds 'thesis.docx', which lexgap never writes"))
        #expect(Self.snapshot(folder) == before)
        let replaced = try Self.run(["site", "-o", "old-site", "--force", "--as-of", "2026-01-01"], in: folder)
        #expect(replaced.status == 0, "\(replaced.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("old-site/.lexgap-output").path))
    }

    /// `-o` writes only regular files: a device, a FIFO or a link to standard output is refused, with the reason.
    @Test(arguments: [
        ("/dev/null", "refusing to write '/dev/null': it is a device; lexgap writes only regular files (use -o - for standard output)"),
        ("fifo", "refusing to write 'fifo': it is a FIFO (named pipe); lexgap writes only regular files (use -o - for standard output)"),
        (
            "null-link",
            "refusing to write 'null-link': it is a link to a device; lexgap writes only regular files (use -o - for standard output)"
        ),
        ("jurisdictions/XA.yaml", "refusing to write 'jurisdictions/XA.yaml': it is 'jurisdictions/XA.yaml', an input of this run"),
        ("missing/report.md", "cannot write 'missing/report.md': the folder 'missing' does not exist"),
        ("dangling", "cannot write 'dangling': it is a link to a file that does not exist"),
    ])
    func outputThatIsNotARegularFileIsRefused(_ path: String, _ message: String) throws {
        let folder = try Self.project()
        mkfifo(folder.appendingPathComponent("fifo").path, 0o600)
        symlink("/dev/null", folder.appendingPathComponent("null-link").path)
        symlink("nowhere.md", folder.appendingPathComponent("dangling").path)
        let before = Self.snapshot(folder)
        let result = try Self.run(["report", "XA", "-o", path, "--as-of", "2026-01-01"], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr == "error: \(message)\n")
        #expect(Self.snapshot(folder) == before)
    }

    /// A link to the file the user meant to update updates that file, which keeps its permissions; `-o -` is
    /// standard output.
    @Test func outputFollowsALinkToAFileAndKeepsItsMode() throws {
        let folder = try Self.project()
        let real = folder.appendingPathComponent("private.md")
        try Data("old".utf8).write(to: real)
        chmod(real.path, 0o600)
        symlink("private.md", folder.appendingPathComponent("link.md").path)
        let result = try Self.run(["report", "XA", "-o", "link.md", "--as-of", "2026-01-01"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try String(contentsOf: real, encoding: .utf8).hasPrefix("# Testland: country report"))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder.appendingPathComponent("link.md").path) == "private.md")
        var info = stat()
        #expect(stat(real.path, &info) == 0 && info.st_mode & 0o777 == 0o600)
        let toStandardOutput = try Self.run(["report", "XA", "-o", "-", "--as-of", "2026-01-01"], in: folder)
        #expect(toStandardOutput.stdout.hasPrefix("# Testland: country report"))
        // No temporary file is left beside the output.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).allSatisfy { !$0.hasPrefix(".lexgap-tmp-") })
    }

    /// Converters work in a private folder with an unpredictable name, and a run sweeps what an interrupted one left.
    @Test func scratchFoldersAreSweptAndNeverReused() throws {
        let folder = try Self.project()
        let temporary = try Scratch.folder()
        // A process that has ended leaves its id free: a folder named for it is a leftover.
        let ended = Process()
        ended.executableURL = URL(fileURLWithPath: "/bin/true")
        try ended.run()
        ended.waitUntilExit()
        let leftover = temporary.appendingPathComponent("lexgap-docx-\(ended.processIdentifier)-AbC123")
        try FileManager.default.createDirectory(at: leftover, withIntermediateDirectories: true)
        var environment = ProcessInfo.processInfo.environment
        environment["TMPDIR"] = temporary.path
        let result = try CLI.run(
            ["brief", "XA", "--kind", "upr", "--format", "docx", "-o", "upr.docx", "--as-of", "2026-01-01"], in: folder,
            environment: environment)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.path) == [])
    }

    /// Whether this run may mount a small file system (root on Linux, as in CI): the only honest way to test a full
    /// disk and a mount point.
    static let canMount: Bool = {
        guard geteuid() == 0, let folder = try? Scratch.folder() else { return false }
        let mounted = mount("tmpfs", folder.path, "tmpfs", 0, "size=64k") == 0
        if mounted { umount(folder.path) }
        return mounted
    }()

    /// A full disk is named as the cause and leaves nothing behind; a folder that is a mount point, which cannot be
    /// renamed, is filled in place.
    @Test(.enabled(if: canMount)) func fullDiskAndMountPoints() throws {
        let folder = try Self.project()
        let disk = try Scratch.folder()
        #expect(mount("tmpfs", disk.path, "tmpfs", 0, "size=16k") == 0)
        defer { umount(disk.path) }
        let full = try Self.run(["site", "-o", disk.appendingPathComponent("site").path, "--as-of", "2026-01-01"], in: folder)
        #expect(full.status == 2)
        #expect(full.stderr == "error: cannot write '\(disk.path)/site': No space left on device\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: disk.path) == [])

        let roomy = try Scratch.folder()
        #expect(mount("tmpfs", roomy.path, "tmpfs", 0, "size=8m") == 0)
        defer { umount(roomy.path) }
        for _ in 0..<2 {
            let result = try Self.run(["site", "-o", roomy.path, "--force", "--as-of", "2026-01-01"], in: folder)
            #expect(result.status == 0, "\(result.stderr)")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: roomy.path)
        #expect(names.contains("index.html") && names.contains(".lexgap-output"))
        #expect(!names.contains { $0.hasPrefix(".lexgap-tmp-") })
    }

    /// The format follows the output file's extension; a --format that contradicts it is a usage error; a written
    /// file is announced on standard error.
    @Test func formatFollowsTheOutputExtension() throws {
        let folder = try Self.project()
        let docx = try Self.run(["brief", "XA", "--kind", "upr", "-o", "upr.docx", "--as-of", "2026-01-01"], in: folder)
        #expect(docx.status == 0, "\(docx.stderr)")
        #expect(docx.stderr.hasPrefix("wrote upr.docx ("))
        let listing = try Tool.run(
            "python3",
            ["-c", "import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).namelist())", folder.appendingPathComponent("upr.docx").path])
        #expect(listing.contains("word/document.xml"))
        let html = try Self.run(["report", "XA", "-o", "xa.html", "--as-of", "2026-01-01"], in: folder)
        #expect(html.stderr == "wrote xa.html\n")
        #expect(try String(contentsOf: folder.appendingPathComponent("xa.html"), encoding: .utf8).hasPrefix("<!DOCTYPE html>"))
        let before = Self.snapshot(folder)
        let mismatch = try Self.run(["report", "XA", "--format", "md", "-o", "x.pdf"], in: folder)
        #expect(mismatch.status == 2)
        #expect(
            mismatch.stderr.hasPrefix("Error: --format md does not match the output file 'x.pdf' (.pdf); drop --format or rename the file"))
        #expect(Self.snapshot(folder) == before)
    }

    // MARK: - No crash from any argument or template

    @Test(arguments: ["lexgap rank > /dev/full", "lexgap rank >&-", "lexgap --version >&-", "lexgap rank --format json > /dev/full"])
    func failedWritesToStandardOutputExitTwo(_ command: String) throws {
        let folder = try Self.project()
        let result = try Self.shell(command, in: folder)
        #expect(result.status == 2, "\(command): \(result.stderr)")
        #expect(result.stderr.hasPrefix("error: cannot write to standard output: "), "\(command)")
        #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("Backtrace"))
        let quiet = try Self.shell(command + " 2>&-", in: folder)
        #expect(quiet.status == 2)
    }

    /// Every date the parser accepts works in every command: the earliest and the latest, here in a brief's
    /// five-year look-back and TIP reporting period.
    @Test(arguments: ["1000-01-01", "9999-12-31"])
    func extremeDatesWorkInBriefs(_ date: String) throws {
        for kind in BriefKind.allCases.map(\.rawValue) {
            let result = try CLI.run(
                [
                    "brief", "XE", "--include-drafts", "--kind", kind, "--as-of", date, "--checklist", "analysis/checklist.yaml", "--data",
                    "format2",
                ],
                in: Fixtures.directory)
            #expect(result.status == 0, "\(kind) \(date): \(result.stderr)")
        }
    }

    // MARK: - Text stays text

    /// A name with a terminal escape sequence is refused, and a diagnostic quoting bad input shows it escaped.
    @Test func controlCharactersNeverReachTheTerminal() throws {
        let folder = try Self.project()
        let path = folder.appendingPathComponent("jurisdictions/XB.yaml")
        var text = try String(contentsOf: path, encoding: .utf8)
        text = text.replacingOccurrences(of: "name: Otherland", with: "name: \"Other\\e[2Jland\"\n\"bad\\e[31mkey\": 1")
        try Data(text.utf8).write(to: path)
        let result = try Self.run(["validate"], in: folder)
        #expect(result.status == 1)
        #expect(!result.stdout.contains("\u{1B}"))
        #expect(result.stdout.contains("XB.yaml:4:7: error: 'name' contains the control character U+001B; delete it [invalid-value]"))
        #expect(result.stdout.contains("unknown key 'bad\\u{1B}[31mkey'"))
    }

    /// Text that pandoc's Markdown would read as maths, struck or sub- and superscript text, a citation or an entity,
    /// and straight quotes that smart punctuation would curl, reach the Word draft as written; the Markdown report
    /// escapes `&` and `~` too.
    @Test func markupInDataStaysLiteralInDOCXAndMarkdown() throws {
        let folder = try Self.project()
        let path = folder.appendingPathComponent("jurisdictions/XA.yaml")
        let literal = #"Fines of $x^2$ under ~~old~~ law, H~2~O, @cite and &ZeroWidthSpace; "as quoted" -- here..."#
        var text = try String(contentsOf: path, encoding: .utf8)
        text = text.replacingOccurrences(
            of: "finding: Party to both treaties listed; no law implements them.",
            with: "finding: '\(literal.replacingOccurrences(of: "'", with: "''"))'")
        try Data(text.utf8).write(to: path)
        let docx = try Self.run(
            ["brief", "XA", "--kind", "upr", "--format", "docx", "-o", "upr.docx", "--as-of", "2026-01-01"], in: folder)
        #expect(docx.status == 0, "\(docx.stderr)")
        let xml = try Tool.run(
            "python3",
            [
                "-c", "import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).read('word/document.xml').decode())",
                folder.appendingPathComponent("upr.docx").path,
            ])
        let plain = xml.replacingOccurrences(of: #"<[^>]+>"#, with: "", options: .regularExpression)
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
        #expect(plain.contains(literal), "\(plain)")
        #expect(!xml.contains("<m:oMath") && !xml.contains("w:strike") && !xml.contains("w:vertAlign"))

        let markdown = try Self.run(["report", "XA", "--as-of", "2026-01-01"], in: folder)
        #expect(markdown.stdout.contains(#"\&ZeroWidthSpace;"#) && markdown.stdout.contains(#"\~\~old\~\~"#))
        let html = try Tool.run("cmark-gfm", ["--extension", "table", "--extension", "strikethrough"], input: markdown.stdout)
        #expect(html.contains("&amp;ZeroWidthSpace;") && !html.contains("<del>"))
    }

    /// A spreadsheet would run a formula behind invisible characters or spaces.
    @Test func csvFormulaGuardLooksPastInvisibleCharacters() {
        let cells = ["\u{200D}=HYPERLINK(\"x\")", " +1+2", "\u{FEFF}@SUM(A1)", "\tcmd", "-0.5", "plain"]
        let lines = CSV.render(header: ["cell"], rows: cells.map { [$0] }).components(separatedBy: "\r\n").dropFirst().dropLast()
        #expect(Array(lines) == ["\"'\u{200D}=HYPERLINK(\"\"x\"\")\"", "' +1+2", "'\u{FEFF}@SUM(A1)", "'\tcmd", "-0.5", "plain"])
    }

    // MARK: - Limits that hold

    /// Two files for one jurisdiction are an error naming both, not a jurisdiction listed twice.
    @Test func twoFilesForOneJurisdictionAreAnError() throws {
        let folder = try Self.project()
        try FileManager.default.copyItem(
            at: folder.appendingPathComponent("jurisdictions/XA.yaml"), to: folder.appendingPathComponent("jurisdictions/XA.yml"))
        let result = try Self.run(["rank"], in: folder)
        #expect(result.status == 1)
        #expect(
            result.stderr.contains(
                "jurisdictions/XA.yaml:3:7: error: jurisdiction XA is also in 'jurisdictions/XA.yml'; keep one file per jurisdiction [duplicate-id]"
            ))
        #expect(result.stdout == "")
    }

    /// A 2 GB file is refused from its size, without being read.
    @Test func hugeFileIsRefusedBeforeItIsRead() throws {
        let folder = try Self.project()
        let path = folder.appendingPathComponent("jurisdictions/XB.yaml")
        let handle = try FileHandle(forWritingTo: path)
        try handle.truncate(atOffset: 2 * 1024 * 1024 * 1024)
        try handle.close()
        let result = try Self.run(["validate"], in: folder)
        #expect(result.status == 1)
        #expect(result.stdout.contains("jurisdictions/XB.yaml:1:1: error: file is 2048 MB; lexgap reads files of at most 8 MB [too-large]"))
        let fifo = try Self.run(["validate", "--checklist", "/dev/zero"], in: folder)
        #expect(fifo.status == 2)
        #expect(fifo.stderr == "error: cannot read '/dev/zero': it is not a regular file\n")
    }
}
