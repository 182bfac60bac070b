/// Writes an `Encodable` as JSON text in exactly the layout `JSONEncoder` gives with `.prettyPrinted`,
/// `.sortedKeys` and `.withoutEscapingSlashes` (the golden files hold that layout), without building its
/// intermediate tree: each value becomes text as soon as it is encoded, so a large report costs little more memory
/// than its text.
enum JSONWriter {
    static func text(_ value: some Encodable) -> String? {
        let root = Slot()
        do {
            try value.encode(to: Writer(slot: root, depth: 0))
        } catch {
            return nil
        }
        var out = ""
        root.render(depth: 0, into: &out)
        return out
    }

    /// A value being written: text once complete, or a container whose members are still being written.
    final class Slot {
        enum Content {
            case empty
            case object([String: Slot])
            case array([Slot])
            case text(String)
        }
        var content = Content.empty

        init() {}
        init(text: String) { content = .text(text) }

        /// Appends the value's text to `out`, releasing each member's text once it is copied: the largest report
        /// is then held about once, not once per level of nesting.
        func render(depth: Int, into out: inout String) {
            switch content {
            case .text(let text): out += text
            case .empty: out += "{\n\n" + indent(depth) + "}"
            case .object(let members):
                guard !members.isEmpty else {
                    out += "{\n\n" + indent(depth) + "}"
                    return
                }
                out += "{\n"
                for (index, key) in members.keys.sorted().enumerated() {
                    if index > 0 { out += ",\n" }
                    out += indent(depth + 1) + JSONWriter.quoted(key) + " : "
                    members[key]!.render(depth: depth + 1, into: &out)
                }
                out += "\n" + indent(depth) + "}"
            case .array(let items):
                guard !items.isEmpty else {
                    out += "[\n\n" + indent(depth) + "]"
                    return
                }
                out += "[\n"
                for (index, item) in items.enumerated() {
                    if index > 0 { out += ",\n" }
                    out += indent(depth + 1)
                    item.render(depth: depth + 1, into: &out)
                    item.content = .empty
                }
                out += "\n" + indent(depth) + "]"
            }
        }

        func render(depth: Int) -> String {
            var out = ""
            render(depth: depth, into: &out)
            return out
        }

        func indent(_ depth: Int) -> String { String(repeating: " ", count: 2 * depth) }

        func set(_ slot: Slot, forKey key: String) {
            var members: [String: Slot] = [:]
            if case .object(let existing) = content { members = existing }
            content = .empty  // let the dictionary be mutated in place
            members[key] = slot
            content = .object(members)
        }

        func append(_ slot: Slot) {
            var items: [Slot] = []
            if case .array(let existing) = content { items = existing }
            content = .empty
            items.append(slot)
            content = .array(items)
        }
    }

    /// A finished value's text: scalars directly, anything else encoded and rendered at once.
    static func slot(for value: some Encodable, depth: Int) throws -> Slot {
        switch value {
        case let text as String: return Slot(text: quoted(text))
        case let flag as Bool: return Slot(text: flag ? "true" : "false")
        case let number as Int: return Slot(text: String(number))
        case let number as Double: return Slot(text: format(number))
        case let list as any ParallelList where list.count >= parallelListLength:
            return Slot(text: try list.renderedText(depth: depth))
        default:
            let slot = Slot()
            try value.encode(to: Writer(slot: slot, depth: depth))
            return Slot(text: slot.render(depth: depth))
        }
    }

    /// A list at least this long (the jurisdictions of a large data set) has its items written on all cores.
    static let parallelListLength = 256

    /// A list whose items can be written independently (`ParallelJSONList`).
    protocol ParallelList {
        var count: Int { get }
        func renderedText(depth: Int) throws -> String
    }

    struct ItemNotEncodable: Error {}

    /// As `JSONEncoder` writes a number: whole numbers without a fraction ("100"), others in Swift's shortest form
    /// ("84.7", "1e+20").
    static func format(_ number: Double) -> String {
        if number.rounded() == number, abs(number) < 1e15 { return String(Int64(number)) }
        return number.description
    }

    /// A JSON string literal, as `JSONEncoder` escapes it (slashes left alone).
    static func quoted(_ text: String) -> String {
        // Most strings need no escape: checked on bytes, which is far cheaper than walking scalars.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) { return "\"" + text + "\"" }
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    struct Writer: Encoder {
        let slot: Slot
        let depth: Int
        var codingPath: [any CodingKey] { [] }
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            if case .empty = slot.content { slot.content = .object([:]) }
            return KeyedEncodingContainer(Keyed(slot: slot, depth: depth))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            if case .empty = slot.content { slot.content = .array([]) }
            return Unkeyed(slot: slot, depth: depth)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer { Single(slot: slot, depth: depth) }
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let slot: Slot
        let depth: Int
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil(forKey key: Key) throws { slot.set(Slot(text: "null"), forKey: key.stringValue) }

        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            slot.set(try JSONWriter.slot(for: value, depth: depth + 1), forKey: key.stringValue)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
            -> KeyedEncodingContainer<NestedKey>
        {
            let nested = Slot()
            nested.content = .object([:])
            slot.set(nested, forKey: key.stringValue)
            return KeyedEncodingContainer(Keyed<NestedKey>(slot: nested, depth: depth + 1))
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            let nested = Slot()
            nested.content = .array([])
            slot.set(nested, forKey: key.stringValue)
            return Unkeyed(slot: nested, depth: depth + 1)
        }

        mutating func superEncoder() -> any Encoder { Writer(slot: slot, depth: depth) }
        mutating func superEncoder(forKey key: Key) -> any Encoder {
            let nested = Slot()
            slot.set(nested, forKey: key.stringValue)
            return Writer(slot: nested, depth: depth + 1)
        }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let slot: Slot
        let depth: Int
        var codingPath: [any CodingKey] { [] }
        var count: Int {
            if case .array(let items) = slot.content { return items.count }
            return 0
        }

        mutating func encodeNil() throws { slot.append(Slot(text: "null")) }

        mutating func encode<T: Encodable>(_ value: T) throws { slot.append(try JSONWriter.slot(for: value, depth: depth + 1)) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            let nested = Slot()
            nested.content = .object([:])
            slot.append(nested)
            return KeyedEncodingContainer(Keyed<NestedKey>(slot: nested, depth: depth + 1))
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            let nested = Slot()
            nested.content = .array([])
            slot.append(nested)
            return Unkeyed(slot: nested, depth: depth + 1)
        }

        mutating func superEncoder() -> any Encoder {
            let nested = Slot()
            slot.append(nested)
            return Writer(slot: nested, depth: depth + 1)
        }
    }

    struct Single: SingleValueEncodingContainer {
        let slot: Slot
        let depth: Int
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil() throws { slot.content = .text("null") }

        mutating func encode<T: Encodable>(_ value: T) throws {
            slot.content = try JSONWriter.slot(for: value, depth: depth).content
        }
    }
}

/// A long list whose items `JSONWriter` writes on all cores (each item independently, then in order); any other
/// encoder sees a plain array. Used for the jurisdictions of a report, which grow with the data set.
struct ParallelJSONList<Element: Encodable & Sendable>: Encodable, Sendable, JSONWriter.ParallelList {
    var items: [Element]

    init(_ items: [Element]) { self.items = items }

    var count: Int { items.count }

    func encode(to encoder: any Encoder) throws { try items.encode(to: encoder) }

    /// The list as `Slot.render` would write it, each item rendered at `depth + 1` on its own thread; an item that
    /// cannot be encoded makes the whole list unencodable, as it would in order.
    func renderedText(depth: Int) throws -> String {
        let texts = items.parallelMap(threads: Corpus.defaultThreads) { item in
            try? JSONWriter.slot(for: item, depth: depth + 1).render(depth: depth + 1)
        }
        let slot = JSONWriter.Slot()
        slot.content = .array(
            try texts.map { text throws(JSONWriter.ItemNotEncodable) in
                guard let text else { throw JSONWriter.ItemNotEncodable() }
                return JSONWriter.Slot(text: text)
            })
        return slot.render(depth: depth)
    }
}

extension ParallelJSONList: Decodable where Element: Decodable {
    init(from decoder: any Decoder) throws { items = try [Element](from: decoder) }
}
