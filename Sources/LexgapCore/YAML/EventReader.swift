import CYAML

/// Builds lexgap's nodes straight from libyaml's event stream: no intermediate document tree, and each limit is
/// checked as the events arrive, so a hostile file is refused before it is expanded.
///
/// A repeated key is reported at the repeat, with the first as a note; an alias counts every node it stands for
/// against the node limit, and its anchor's depth against the depth limit.
enum EventReader {
    enum Failure: Error {
        /// libyaml's own report: `problem` at `mark`, while doing `context` (begun at its mark).
        case syntax(problem: String, mark: Node.Mark, context: (text: String, mark: Node.Mark)?)
        /// The input is not readable text: `problem` at a byte offset, about a character (or -1).
        case reader(problem: String, offset: Int, value: Int32)
        case duplicateKey(String, first: Node.Mark, repeated: Node.Mark)
        case tooDeep(Node.Mark)
        case tooManyNodes
        case noDocument
    }

    /// A container being read: its items so far, how many nodes it stands for and how deep it goes.
    private struct Frame {
        var isMapping: Bool
        var mark: Node.Mark
        var anchor: String?
        var nodes: [Node] = []
        var pairs: [(key: Node, value: Node)] = []
        var pendingKey: Node?
        var size = 1
        var height = 1
    }

    /// The single document of `bytes` (UTF-8, without a byte order mark).
    static func read(_ bytes: ArraySlice<UInt8>, maxNodes: Int, maxDepth: Int) throws(Failure) -> Node {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            throw .syntax(problem: "out of memory", mark: .init(line: 1, column: 1), context: nil)
        }
        defer { yaml_parser_delete(&parser) }
        return try bytes.withUnsafeBufferPointer { (buffer) throws(Failure) -> Node in
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            // libyaml reads from the pointer while parsing; the buffer outlives the parser's use of it.
            yaml_parser_set_input_string(&parser, buffer.baseAddress ?? UnsafePointer(bitPattern: 1), buffer.count)
            return try read(&parser, maxNodes: maxNodes, maxDepth: maxDepth)
        }
    }

    private static func read(_ parser: inout yaml_parser_t, maxNodes: Int, maxDepth: Int) throws(Failure) -> Node {
        var stack: [Frame] = []
        var anchors: [String: (node: Node, size: Int, height: Int)] = [:]
        var root: Node?
        var streamStart = Node.Mark(line: 1, column: 1)
        var documents = 0
        var count = 0
        var aliased = false

        func mark(_ mark: yaml_mark_t) -> Node.Mark { Node.Mark(line: mark.line + 1, column: mark.column + 1) }
        func text(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
        }

        /// Adds a finished node to the open container, or makes it the document's root.
        func add(_ node: Node, size: Int, height: Int, anchor: String?) throws(Failure) {
            if let anchor { anchors[anchor] = (node, size, height) }
            guard !stack.isEmpty else {
                root = node
                return
            }
            let top = stack.count - 1
            stack[top].size += size
            stack[top].height = max(stack[top].height, height + 1)
            guard stack[top].isMapping else {
                stack[top].nodes.append(node)
                return
            }
            guard let key = stack[top].pendingKey else {
                if case .scalar(let name) = node {
                    for pair in stack[top].pairs {
                        if case .scalar(let earlier) = pair.key, earlier.string == name.string {
                            throw .duplicateKey(name.string, first: earlier.mark, repeated: name.mark)
                        }
                    }
                }
                stack[top].pendingKey = node
                return
            }
            stack[top].pairs.append((key, node))
            stack[top].pendingKey = nil
        }

        /// Refuses a node that would pass a limit: nesting below `maxDepth`, or (once an alias has multiplied the
        /// document) more than `maxNodes` values.
        func admit(_ at: Node.Mark, size: Int, height: Int) throws(Failure) {
            if stack.count + height > maxDepth { throw .tooDeep(at) }
            count += size
            if aliased, count > maxNodes { throw .tooManyNodes }
        }

        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else { throw failure(parser) }
            defer { yaml_event_delete(&event) }
            let start = mark(event.start_mark)
            switch event.type {
            case YAML_STREAM_START_EVENT:
                streamStart = start
            case YAML_DOCUMENT_END_EVENT:
                continue
            case YAML_STREAM_END_EVENT:
                guard let root else { throw .noDocument }
                return root
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 {
                    throw .syntax(
                        problem: "but found another document", mark: start,
                        context: ("expected a single document in the stream", streamStart))
                }
            case YAML_SCALAR_EVENT:
                try admit(start, size: 1, height: 1)
                let scalar = event.data.scalar
                let value = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
                try add(
                    .scalar(.init(string: value, isPlain: scalar.style == YAML_PLAIN_SCALAR_STYLE, mark: start)), size: 1, height: 1,
                    anchor: text(scalar.anchor))
            case YAML_ALIAS_EVENT:
                guard let name = text(event.data.alias.anchor), let target = anchors[name] else {
                    throw .syntax(problem: "found undefined alias", mark: start, context: nil)
                }
                aliased = true
                try admit(start, size: target.size, height: target.height)
                try add(target.node, size: target.size, height: target.height, anchor: nil)
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                try admit(start, size: 1, height: 1)
                count -= 1  // counted again, with its contents, when it ends
                let isMapping = event.type == YAML_MAPPING_START_EVENT
                let anchor = isMapping ? text(event.data.mapping_start.anchor) : text(event.data.sequence_start.anchor)
                stack.append(Frame(isMapping: isMapping, mark: start, anchor: anchor))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                let frame = stack.removeLast()
                count += 1
                let node: Node =
                    frame.isMapping
                    ? .mapping(.init(pairs: frame.pairs, mark: frame.mark)) : .sequence(.init(nodes: frame.nodes, mark: frame.mark))
                try add(node, size: frame.size, height: frame.height, anchor: frame.anchor)
            default:
                continue
            }
        }
    }

    private static func failure(_ parser: yaml_parser_t) -> Failure {
        func mark(_ mark: yaml_mark_t) -> Node.Mark { Node.Mark(line: mark.line + 1, column: mark.column + 1) }
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown YAML error"
        if parser.error == YAML_READER_ERROR {
            return .reader(problem: problem, offset: parser.problem_offset, value: parser.problem_value)
        }
        let context = parser.context.map { (text: String(cString: $0), mark: mark(parser.context_mark)) }
        return .syntax(problem: problem, mark: mark(parser.problem_mark), context: context)
    }
}
