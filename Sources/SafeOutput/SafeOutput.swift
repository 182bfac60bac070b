import CSafeOutput
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Why a write was refused or failed, in words for the person who asked for it: the path and the real cause.
public struct OutputFailure: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var description: String { message }

    public init(_ message: String) { self.message = message }

    /// "cannot write 'x': No space left on device".
    static func system(_ what: String, _ path: String, _ code: Int32 = errno) -> OutputFailure {
        OutputFailure("cannot \(what) '\(path)': \(String(cString: strerror(code)))")
    }
}

/// The one place lexgap writes files, after git and rsync: every file is written in full to a temporary file with an
/// unpredictable name beside its target and renamed into place; only regular files are ever replaced, and an existing
/// file keeps its mode; a folder is replaced as a whole, so that at every instant the old or the new one is at its
/// path; nothing that holds an input of the run is removed; temporary files and folders go on every exit path, and
/// those an interrupted run left behind are swept by the next.
public enum SafeOutput {
    /// The file that marks a folder as made by lexgap, so that a later run may replace it.
    public static let marker = ".lexgap-output"

    /// What a temporary name starts with; the process id follows, so that a later run can tell a leftover from the
    /// work of a process that is still running.
    static let temporaryPrefix = ".lexgap-tmp-"

    // MARK: - Single files

    /// Writes `bytes` to `path`, replacing a regular file in one step. A link is followed to the file it names (so a
    /// link to the file you meant to update updates it); a device, FIFO, socket or folder is refused, as is a path
    /// that is one of `inputs`.
    public static func writeFile(_ bytes: [UInt8], to path: String, inputs: [String] = []) throws(OutputFailure) {
        lexgap_install_cleanup()
        guard !path.isEmpty else { throw OutputFailure("no output path given") }
        let target = try regularTarget(path)
        if let input = inputs.first(where: { samePath($0, target.path) }) {
            throw OutputFailure("refusing to write '\(path)': it is '\(input)', an input of this run")
        }
        let folder = parent(of: target.path)
        sweep(folder)
        let temporary = try temporaryFile(in: folder, path: path)
        defer { lexgap_unregister_cleanup(temporary.slot) }
        do throws(OutputFailure) {
            try writeAll(bytes, to: temporary.descriptor, path: path)
            // A file the user already has keeps its permissions; a new one gets the usual ones.
            fchmod(temporary.descriptor, target.mode ?? (0o666 & ~currentUmask))
            guard fsync(temporary.descriptor) == 0 || errno == EINVAL else { throw OutputFailure.system("write", path) }
            close(temporary.descriptor)
            if rename(temporary.path, target.path) != 0 {
                let code = errno
                // A file that is itself a mount point cannot be replaced by a rename; write into it instead.
                guard code == EBUSY || code == EXDEV else { throw OutputFailure.system("write", path, code) }
                try overwrite(target.path, with: bytes, path: path)
                unlink(temporary.path)
            }
        } catch {
            close(temporary.descriptor)
            unlink(temporary.path)
            throw error
        }
    }

    /// Writes `bytes` to `path` only if nothing is there, in one step (a complete file appears, or none): for
    /// commands that promise never to overwrite.
    public static func createFile(_ bytes: [UInt8], at path: String) throws(OutputFailure) {
        lexgap_install_cleanup()
        let folder = parent(of: path)
        try requireFolder(folder, for: path)
        let temporary = try temporaryFile(in: folder, path: path)
        defer { lexgap_unregister_cleanup(temporary.slot) }
        defer { unlink(temporary.path) }
        do throws(OutputFailure) {
            try writeAll(bytes, to: temporary.descriptor, path: path)
            fchmod(temporary.descriptor, 0o666 & ~currentUmask)
            close(temporary.descriptor)
        } catch {
            close(temporary.descriptor)
            throw error
        }
        // link() fails if the name exists, whatever raced to make it.
        guard link(temporary.path, path) == 0 else {
            if errno == EEXIST { throw OutputFailure("'\(path)' already exists; lexgap never overwrites it") }
            throw OutputFailure.system("write", path)
        }
    }

    // MARK: - Folders

    /// Replaces `folder` with a folder holding exactly `files`, all or nothing. The files are written into a new
    /// folder beside it, which then takes the old one's place in one step, so that at every instant either the old
    /// or the new folder is at the path. A folder that is a mount point is filled in place instead.
    ///
    /// Refused: a folder that holds (or is) any of `inputs` or the working folder, with or without `force`; a folder
    /// that is not empty and was not made by lexgap, unless `force` is set and everything in it is of the kinds
    /// lexgap writes.
    ///
    /// The files are handed to `fill`'s sink one by one as they are made, so that a large site need not be held in
    /// memory: they go into the staging folder, which takes the old one's place only once `fill` has finished
    /// without error.
    public static func replaceFolder(
        _ folder: String, force: Bool, inputs: [String] = [], fill: (Sink) throws(OutputFailure) -> Void
    ) throws(OutputFailure) {
        lexgap_install_cleanup()
        guard !folder.isEmpty else { throw OutputFailure("no output folder given") }
        let target = URL(fileURLWithPath: folder).standardizedFileURL.path
        guard target != "/" else { throw OutputFailure("refusing to replace '/'") }
        var info = stat()
        let exists = lstat(target, &info) == 0
        if !exists, errno != ENOENT { throw OutputFailure.system("write", folder) }
        if exists {
            if (info.st_mode & S_IFMT) == S_IFLNK {
                throw OutputFailure("refusing to replace '\(folder)': it is a link; name the folder itself")
            }
            guard (info.st_mode & S_IFMT) == S_IFDIR else { throw OutputFailure("'\(folder)' exists and is not a folder") }
            try checkReplaceable(folder, target: target, force: force, inputs: inputs)
        }
        let parentFolder = parent(of: target)
        try requireFolder(parentFolder, for: folder)
        var parentInfo = stat()
        let isMountPoint = exists && stat(parentFolder, &parentInfo) == 0 && parentInfo.st_dev != info.st_dev
        if isMountPoint {
            return try fillInPlace(target, path: folder, fill: fill)
        }
        sweep(parentFolder)
        let staging = try temporaryFolder(in: parentFolder, path: folder)
        defer { lexgap_unregister_cleanup(staging.slot) }
        do throws(OutputFailure) {
            try fill(Sink(root: staging.path, path: folder))
            try Sink(root: staging.path, path: folder).writeMarker()
            if !exists {
                guard rename(staging.path, target) == 0 else { throw OutputFailure.system("write", folder) }
                return
            }
            if lexgap_exchange(staging.path, target) == 0 {
                // The staging path now holds the old folder.
                removeTree(staging.path)
                return
            }
            guard errno == EINVAL || errno == ENOSYS else { throw OutputFailure.system("replace", folder) }
            // A file system that cannot exchange: two renames, with the old folder put back on failure.
            let previous = staging.path + "-old"
            guard rename(target, previous) == 0 else { throw OutputFailure.system("replace", folder) }
            guard rename(staging.path, target) == 0 else {
                let code = errno
                _ = rename(previous, target)
                throw OutputFailure.system("write", folder, code)
            }
            removeTree(previous)
        } catch {
            removeTree(staging.path)
            throw error
        }
    }

    /// What lexgap writes into a folder, by ending: a folder holding anything else is not lexgap's output.
    static let outputEndings = [".html", ".css", ".csv", ".json", ".md", ".svg", ".txt"]

    static func checkReplaceable(_ folder: String, target: String, force: Bool, inputs: [String]) throws(OutputFailure) {
        let resolved = realPath(target) ?? target
        for input in inputs {
            guard let path = realPath(input) else { continue }
            if path == resolved {
                throw OutputFailure("refusing to replace '\(folder)': it is an input of this run; write the output elsewhere")
            }
            if path.hasPrefix(resolved + "/") {
                throw OutputFailure(
                    "refusing to replace '\(folder)': it holds '\(input)', an input of this run; write the output elsewhere")
            }
        }
        if let working = realPath("."), working == resolved || working.hasPrefix(resolved + "/") {
            throw OutputFailure("refusing to replace '\(folder)': it holds the folder you are working in; write the output elsewhere")
        }
        let contents = (try? FileManager.default.contentsOfDirectory(atPath: target)) ?? []
        guard !contents.isEmpty, !contents.contains(marker) else { return }
        guard force else {
            throw OutputFailure("refusing to replace '\(folder)': it is not empty and was not made by lexgap (pass --force to replace it)")
        }
        if let foreign = foreignEntry(in: target) {
            throw OutputFailure(
                "refusing to replace '\(folder)', even with --force: it holds '\(foreign)', which lexgap never writes; remove the folder yourself if you mean to"
            )
        }
    }

    /// The first entry under `folder` that lexgap would not have written (a hidden file, a link, a YAML or source
    /// file, too deep a tree), or nil when the folder looks like lexgap's output.
    static func foreignEntry(in folder: String) -> String? {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return folder }
        var seen = 0
        while let relative = walker.nextObject() as? String {
            seen += 1
            if seen > 100_000 { return relative }
            let name = (relative as NSString).lastPathComponent
            var info = stat()
            guard lstat(folder + "/" + relative, &info) == 0 else { return relative }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                if name.hasPrefix(".") { return relative }
            case S_IFREG:
                if name.hasPrefix(temporaryPrefix) { continue }
                if name.hasPrefix(".") || !outputEndings.contains(where: name.hasSuffix) { return relative }
            default:
                return relative
            }
        }
        return nil
    }

    /// A mount point cannot be renamed: its contents are replaced instead, staged inside it first.
    static func fillInPlace(_ target: String, path: String, fill: (Sink) throws(OutputFailure) -> Void) throws(OutputFailure) {
        sweep(target)
        let staging = try temporaryFolder(in: target, path: path)
        defer { lexgap_unregister_cleanup(staging.slot) }
        let previous = try temporaryFolder(in: target, path: path)
        defer { lexgap_unregister_cleanup(previous.slot) }
        do throws(OutputFailure) {
            try fill(Sink(root: staging.path, path: path))
            try Sink(root: staging.path, path: path).writeMarker()
            let keep = Set([(staging.path as NSString).lastPathComponent, (previous.path as NSString).lastPathComponent])
            let old = ((try? FileManager.default.contentsOfDirectory(atPath: target)) ?? []).filter { !keep.contains($0) }
            for name in old where rename(target + "/" + name, previous.path + "/" + name) != 0 {
                throw OutputFailure.system("replace", path)
            }
            let new = (try? FileManager.default.contentsOfDirectory(atPath: staging.path)) ?? []
            for name in new where rename(staging.path + "/" + name, target + "/" + name) != 0 {
                throw OutputFailure.system("write", path)
            }
        } catch {
            removeTree(staging.path)
            throw error
        }
        removeTree(staging.path)
        removeTree(previous.path)
    }

    /// Writes files under `root`, a folder this process has just created. A path that would leave it is refused.
    public struct Sink {
        let root: String
        /// The output folder as the user named it, for messages.
        let path: String

        /// A text file, written from the string's own UTF-8 storage: a site's largest files are tens of megabytes,
        /// and a copy of each into bytes would double them.
        public func write(path relative: String, text: String) throws(OutputFailure) {
            var text = text
            try create(relative) { descriptor in text.withUTF8 { SafeOutput.writeAll(UnsafeRawBufferPointer($0), to: descriptor) } }
        }

        /// Creates `relative` (never through a link, never over an existing file) and fills it with `fill`, which
        /// returns the errno of a failed write, or nil.
        private func create(_ relative: String, fill: (Int32) -> Int32?) throws(OutputFailure) {
            let parts = relative.split(separator: "/", omittingEmptySubsequences: false)
            guard !relative.hasPrefix("/"), !relative.contains("\0"), parts.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." }) else {
                throw OutputFailure("refusing to write '\(relative)' outside the output folder")
            }
            var folder = root
            for part in parts.dropLast() {
                folder += "/" + part
                if mkdir(folder, 0o777) != 0, errno != EEXIST { throw OutputFailure.system("write", path) }
            }
            let full = root + "/" + relative
            let descriptor = open(full, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
            guard descriptor >= 0 else { throw OutputFailure.system("write", path) }
            defer { close(descriptor) }
            if let code = fill(descriptor) { throw OutputFailure.system("write", path, code) }
        }

        func writeMarker() throws(OutputFailure) {
            try write(path: marker, text: "Made by lexgap (site or export); the next run replaces this folder.\n")
        }
    }

    // MARK: - Scratch folders for converters

    /// Runs `body` with a new private folder (mode 0700, an unpredictable name) for a converter's work, removed
    /// afterwards whatever happens, and on an interrupt.
    public static func withScratchFolder<T>(_ purpose: String, _ body: (URL) throws -> T) throws -> T {
        lexgap_install_cleanup()
        let base = NSTemporaryDirectory()
        sweep(base, prefix: "lexgap-\(purpose)-")
        var template = Array("\(base.hasSuffix("/") ? base : base + "/")lexgap-\(purpose)-\(getpid())-XXXXXX".utf8CString)
        guard mkdtemp(&template) != nil else { throw OutputFailure.system("create a temporary folder in", base) }
        let path = String(cString: template)
        let slot = lexgap_register_cleanup(path, 1)
        defer {
            removeTree(path)
            lexgap_unregister_cleanup(slot)
        }
        return try body(URL(fileURLWithPath: path))
    }

    // MARK: - Helpers

    struct Target {
        var path: String
        /// The existing file's permissions, nil for a new file.
        var mode: mode_t?
    }

    /// The regular file (or missing path) a write goes to, following links.
    static func regularTarget(_ path: String) throws(OutputFailure) -> Target {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            guard errno == ENOENT else { throw OutputFailure.system("write", path) }
            try requireFolder(parent(of: path), for: path)
            return Target(path: path, mode: nil)
        }
        var resolved = path
        var link = ""
        if (info.st_mode & S_IFMT) == S_IFLNK {
            guard stat(path, &info) == 0 else {
                if errno == ENOENT { throw OutputFailure("cannot write '\(path)': it is a link to a file that does not exist") }
                throw OutputFailure.system("write", path)
            }
            link = "a link to "
            if (info.st_mode & S_IFMT) == S_IFREG {
                guard let real = realPath(path) else { throw OutputFailure.system("write", path) }
                resolved = real
            }
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return Target(path: resolved, mode: info.st_mode & 0o7777)
        case S_IFDIR: throw OutputFailure("cannot write '\(path)': it is \(link)a folder")
        case S_IFCHR, S_IFBLK: throw refusal(path, link + "a device")
        case S_IFIFO: throw refusal(path, link + "a FIFO (named pipe)")
        case S_IFSOCK: throw refusal(path, link + "a socket")
        default: throw refusal(path, link + "not a regular file")
        }
    }

    static func refusal(_ path: String, _ what: String) -> OutputFailure {
        OutputFailure("refusing to write '\(path)': it is \(what); lexgap writes only regular files (use -o - for standard output)")
    }

    static func requireFolder(_ folder: String, for path: String) throws(OutputFailure) {
        var info = stat()
        guard stat(folder, &info) == 0 else {
            let code = errno
            if code == ENOENT { throw OutputFailure("cannot write '\(path)': the folder '\(folder)' does not exist") }
            throw OutputFailure.system("write", path, code)
        }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { throw OutputFailure("cannot write '\(path)': '\(folder)' is not a folder") }
    }

    static func temporaryFile(in folder: String, path: String) throws(OutputFailure) -> (path: String, descriptor: Int32, slot: Int32) {
        var template = Array("\(folder)/\(temporaryPrefix)\(getpid())-XXXXXX".utf8CString)
        let descriptor = mkstemp(&template)
        guard descriptor >= 0 else { throw OutputFailure.system("write", path) }
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        let name = String(cString: template)
        return (name, descriptor, lexgap_register_cleanup(name, 0))
    }

    static func temporaryFolder(in folder: String, path: String) throws(OutputFailure) -> (path: String, slot: Int32) {
        var template = Array("\(folder)/\(temporaryPrefix)\(getpid())-XXXXXX".utf8CString)
        guard mkdtemp(&template) != nil else { throw OutputFailure.system("write", path) }
        // mkdtemp makes the folder private; the output is meant to be read like any other.
        let name = String(cString: template)
        chmod(name, 0o777 & ~currentUmask)
        return (name, lexgap_register_cleanup(name, 1))
    }

    static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws(OutputFailure) {
        if let code = writeAll(bytes, to: descriptor) { throw OutputFailure.system("write", path, code) }
    }

    /// Writes all of `bytes`, retrying after interrupts; the errno of a failure, or nil.
    static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Int32? {
        bytes.withUnsafeBytes { writeAll($0, to: descriptor) }
    }

    static func writeAll(_ buffer: UnsafeRawBufferPointer, to descriptor: Int32) -> Int32? {
        var offset = 0
        while offset < buffer.count {
            let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += written
        }
        return nil
    }

    static func overwrite(_ target: String, with bytes: [UInt8], path: String) throws(OutputFailure) {
        let descriptor = open(target, O_WRONLY | O_TRUNC | O_CLOEXEC)
        guard descriptor >= 0 else { throw OutputFailure.system("write", path) }
        defer { close(descriptor) }
        try writeAll(bytes, to: descriptor, path: path)
    }

    /// Removes what an interrupted run of lexgap left in `folder`: temporary entries whose process is gone.
    static func sweep(_ folder: String, prefix: String = temporaryPrefix) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.hasPrefix(prefix) {
            let rest = name.dropFirst(prefix.count)
            guard let pid = rest.split(separator: "-").first.flatMap({ Int32($0) }), pid != getpid() else { continue }
            if kill(pid, 0) == 0 || errno == EPERM { continue }
            removeTree(folder + "/" + name)
        }
    }

    static func removeTree(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            try? FileManager.default.removeItem(atPath: path)
        } else {
            unlink(path)
        }
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func samePath(_ first: String, _ second: String) -> Bool {
        guard let a = realPath(first), let b = realPath(second) else { return false }
        return a == b
    }

    static func parent(of path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }

    static var currentUmask: mode_t {
        let mask = umask(0o022)
        umask(mask)
        return mask
    }
}

/// Standard output and standard error, written with write(2) so that a failure (a full disk, a closed stream, a
/// reader that went away) is a value to act on, never a crash.
public enum StandardStream: Int32, Sendable {
    case output = 1
    case error = 2

    /// The standard streams the process was started without.
    nonisolated(unsafe) static var closed: Set<Int32> = []

    /// Call first: a standard stream the process was started without is held open on /dev/null, so that no file
    /// the run opens takes its number (and receives what was meant for the terminal); writing to it then fails.
    public static func reserveClosed() {
        for descriptor: Int32 in [0, 1, 2] where fcntl(descriptor, F_GETFD) == -1 && errno == EBADF {
            let null = open("/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY)
            if null >= 0, null != descriptor {
                dup2(null, descriptor)
                close(null)
            }
            closed.insert(descriptor)
        }
    }

    /// Writes all of `text`; the errno of a failure, or nil.
    @discardableResult
    /// The text's UTF-8 is written where it lies: a report of many megabytes is not copied first.
    public func write(_ text: String) -> Int32? {
        if Self.closed.contains(rawValue) { return EBADF }
        var text = text
        return text.withUTF8 { SafeOutput.writeAll(UnsafeRawBufferPointer($0), to: rawValue) }
    }

    @discardableResult
    public func write(bytes: [UInt8]) -> Int32? {
        if Self.closed.contains(rawValue) { return EBADF }
        return SafeOutput.writeAll(bytes, to: rawValue)
    }
}
