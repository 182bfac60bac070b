/// Gathers the diagnostics of one loading or validation pass. Recoverable problems are collected, not thrown, so
/// that a user sees every problem in a file at once.
final class DiagnosticCollector {
    private(set) var diagnostics: [Diagnostic] = []

    func error(_ code: DiagnosticCode, _ message: String, at location: SourceLocation, notes: [Diagnostic.Note] = []) {
        diagnostics.append(Diagnostic(.error, code, message, at: location, notes: notes))
    }

    func warning(_ code: DiagnosticCode, _ message: String, at location: SourceLocation, notes: [Diagnostic.Note] = []) {
        diagnostics.append(Diagnostic(.warning, code, message, at: location, notes: notes))
    }
}
