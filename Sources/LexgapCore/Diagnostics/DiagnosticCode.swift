/// The stable identifiers of every diagnostic lexgap emits. Scripts and editors match on these; never rename one.
public enum DiagnosticCode: String, Sendable, Codable, CaseIterable {
    /// The file's bytes are not valid UTF-8.
    case notUTF8 = "not-utf8"
    /// libyaml could not parse the file.
    case yamlSyntax = "yaml-syntax"
    /// A mapping has the same key twice.
    case duplicateKey = "duplicate-key"
    /// The file holds no document at all.
    case emptyDocument = "empty-document"
    /// A key the format does not define (never silently ignored).
    case unknownKey = "unknown-key"
    /// A required key is absent or has no value.
    case missingKey = "missing-key"
    /// A value has the wrong YAML type (a list where a mapping was expected, a word where a number was expected).
    case wrongType = "wrong-type"
    /// A value of the right type but outside what is allowed (a weight of 7, a malformed id).
    case invalidValue = "invalid-value"
    /// The file declares a schema version this lexgap does not support.
    case unsupportedSchemaVersion = "unsupported-schema-version"
    /// A status outside met, partial, absent, unclear, not_applicable.
    case unknownStatus = "unknown-status"
    /// A criterion id that the checklist does not define.
    case unknownCriterion = "unknown-criterion"
    /// A category id that the checklist does not define.
    case unknownCategory = "unknown-category"
    /// A provision names an instrument the file does not list.
    case unknownInstrument = "unknown-instrument"
    /// A treaty id that the checklist does not define.
    case unknownTreaty = "unknown-treaty"
    /// An id defined twice (instruments, criteria, categories, treaties).
    case duplicateID = "duplicate-id"
    /// A date that is not `YYYY-MM-DD`, or that does not exist (2023-02-30).
    case invalidDate = "invalid-date"
    /// Dates that contradict each other (in force before enactment, repealed before in force).
    case dateOrder = "date-order"
    /// Assessment history entries not in chronological order, or the current state not after them.
    case historyOrder = "history-order"
    /// A `met` or `partial` status with no supporting provision.
    case missingProvision = "missing-provision"
    /// A criterion of the checklist with no assessment in the file.
    case unassessed = "unassessed"
    /// The file's name does not match its `code:`.
    case codeMismatch = "code-mismatch"
    /// A URL that is not an absolute http(s) address.
    case invalidURL = "invalid-url"
    /// A file larger than lexgap reads, or a document that expands (through aliases) to too many values.
    case tooLarge = "too-large"
    /// Collections nested deeper than lexgap reads.
    case tooDeep = "too-deep"
    /// A provision cited for a date on which its instrument is not (yet, or any longer) in force.
    case notInForce = "not-in-force"
    /// An instrument with neither a `url` nor a `url_unavailable` reason.
    case missingURL = "missing-url"
    /// Placeholder text from `lexgap new` left in a file that is not a draft.
    case placeholderText = "placeholder-text"
    /// A criterion with no recorded state on the file's `recorded_from`, so its law is silently missing after it.
    case unrecordedPeriod = "unrecorded-period"
    /// An entry of a `[a, b]` list that reads as the end of the entry before it: a comma in the entry split it.
    case splitEntry = "split-entry"
    /// A report template Mustache cannot parse.
    case templateSyntax = "template-syntax"
    /// A template includes itself through its partials, which would never finish rendering.
    case templateCycle = "template-cycle"
    /// A template whose partials or nested sections would grow past what lexgap renders.
    case templateTooLarge = "template-too-large"
    /// A template includes a partial or parent that no template folder provides.
    case missingTemplate = "missing-template"
}
