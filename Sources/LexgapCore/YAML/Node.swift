/// A YAML value as lexgap reads it, with the line and column where it starts.
///
/// Every scalar is text: lexgap decides itself what is a number or a date, so `version: 1.10` never becomes 1.1 and
/// `code: NO` never becomes false. Tags are ignored, merge keys (`<<`) are ordinary keys, and an alias is the node
/// its anchor names.
enum Node: Sendable {
    case scalar(Scalar)
    case sequence(Sequence)
    case mapping(Mapping)

    /// A 1-based line and a 1-based column counted in Unicode scalars, as libyaml marks them.
    struct Mark: Sendable, Hashable {
        var line: Int
        var column: Int
    }

    struct Scalar: Sendable {
        var string: String
        /// Written without quotes or a block indicator: only a plain scalar can be YAML's null.
        var isPlain: Bool
        var mark: Mark
    }

    struct Sequence: RandomAccessCollection, Sendable {
        var nodes: [Node]
        var mark: Mark
        var startIndex: Int { nodes.startIndex }
        var endIndex: Int { nodes.endIndex }
        subscript(position: Int) -> Node { nodes[position] }
    }

    /// Key–value pairs in the order written; keys are unique (a repeated key is a reading error).
    struct Mapping: RandomAccessCollection, Sendable {
        var pairs: [(key: Node, value: Node)]
        var mark: Mark
        var startIndex: Int { pairs.startIndex }
        var endIndex: Int { pairs.endIndex }
        subscript(position: Int) -> (key: Node, value: Node) { pairs[position] }
    }

    var mark: Mark {
        switch self {
        case .scalar(let scalar): return scalar.mark
        case .sequence(let sequence): return sequence.mark
        case .mapping(let mapping): return mapping.mark
        }
    }

    var scalar: Scalar? {
        if case .scalar(let scalar) = self { return scalar }
        return nil
    }

    var sequence: Sequence? {
        if case .sequence(let sequence) = self { return sequence }
        return nil
    }

    var mapping: Mapping? {
        if case .mapping(let mapping) = self { return mapping }
        return nil
    }
}
