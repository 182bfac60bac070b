import Foundation

/// Finds the checklist and templates bundled with the binary.
///
/// SwiftPM's generated `Bundle.module` stops the process when the bundle is missing (for example when the binary
/// was copied without its resources); lexgap must report that as an error instead, so it looks the bundle up itself.
public enum BundledResources {
    static let bundleName = "lexgap_LexgapResources.resources"

    /// The folder holding the bundled `checklists/` and `templates/`, or nil when it cannot be found.
    public static var directory: URL? {
        var candidates: [URL] = []
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        candidates.append(executable.deletingLastPathComponent())
        candidates.append(Bundle.main.bundleURL)
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent())
        if let executableURL = Bundle.main.executableURL {
            candidates.append(executableURL.deletingLastPathComponent())
        }
        for folder in candidates {
            for name in [bundleName, "\(bundleName)/Contents/Resources"] {
                let url = folder.appendingPathComponent(name)
                if FileManager.default.fileExists(atPath: url.appendingPathComponent("checklists").path) {
                    return url
                }
            }
        }
        return nil
    }

    /// The bundled default checklist.
    public static var checklist: URL? {
        directory?.appendingPathComponent("checklists/cybersex-trafficking.yaml")
    }

    /// The bundled templates folder.
    public static var templates: URL? {
        directory?.appendingPathComponent("templates")
    }
}
