import Foundation

/// Turns an `Encodable` view into the dictionaries, arrays and scalars a template reads, directly: encoding to JSON
/// text and parsing it back was a third of the site's time. The tree is what `JSONSerialization` would make of
/// `JSONEncoder`'s output: an absent optional is an absent key, `encodeNil` is `NSNull`.
enum TreeEncoder {
    static func tree(_ value: any Encodable) -> Any? {
        let root = Slot()
        do {
            try value.encode(to: Writer(slot: root, codingPath: []))
        } catch {
            return nil
        }
        return root.resolved
    }

    /// Where one value is being built; containers hold slots until the whole tree is written.
    final class Slot {
        enum Content {
            case empty
            case object([String: Slot])
            case array([Slot])
            case scalar(Any)
        }
        var content = Content.empty

        init() {}
        init(_ scalar: Any) { content = .scalar(scalar) }

        var resolved: Any {
            switch content {
            case .empty: return [String: Any]()
            case .object(let members): return members.mapValues(\.resolved)
            case .array(let items): return items.map(\.resolved)
            case .scalar(let value): return value
            }
        }

        func add(_ slot: Slot, forKey key: String) {
            if case .object(var members) = content {
                content = .empty  // let the dictionary be mutated in place
                members[key] = slot
                content = .object(members)
            } else {
                content = .object([key: slot])
            }
        }

        func append(_ slot: Slot) {
            if case .array(var items) = content {
                content = .empty
                items.append(slot)
                content = .array(items)
            } else {
                content = .array([slot])
            }
        }

        var count: Int {
            if case .array(let items) = content { return items.count }
            return 0
        }
    }

    /// The scalars kept as they are; anything else is encoded into a new slot.
    static func slot(for value: some Encodable, codingPath: [any CodingKey]) throws -> Slot {
        switch value {
        case let text as String: return Slot(text)
        case let flag as Bool: return Slot(flag)
        case let number as Int: return Slot(number)
        case let number as Double: return Slot(number)
        default:
            let slot = Slot()
            try value.encode(to: Writer(slot: slot, codingPath: codingPath))
            return slot
        }
    }

    struct Writer: Encoder {
        let slot: Slot
        var codingPath: [any CodingKey]
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            if case .empty = slot.content { slot.content = .object([:]) }
            return KeyedEncodingContainer(Keyed(slot: slot, codingPath: codingPath))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            if case .empty = slot.content { slot.content = .array([]) }
            return Unkeyed(slot: slot, codingPath: codingPath)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer { Single(slot: slot, codingPath: codingPath) }
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let slot: Slot
        var codingPath: [any CodingKey]

        mutating func encodeNil(forKey key: Key) throws { slot.add(Slot(NSNull()), forKey: key.stringValue) }

        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            slot.add(try TreeEncoder.slot(for: value, codingPath: codingPath + [key]), forKey: key.stringValue)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
            -> KeyedEncodingContainer<NestedKey>
        {
            let nested = Slot()
            nested.content = .object([:])
            slot.add(nested, forKey: key.stringValue)
            return KeyedEncodingContainer(Keyed<NestedKey>(slot: nested, codingPath: codingPath + [key]))
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            let nested = Slot()
            nested.content = .array([])
            slot.add(nested, forKey: key.stringValue)
            return Unkeyed(slot: nested, codingPath: codingPath + [key])
        }

        mutating func superEncoder() -> any Encoder { Writer(slot: slot, codingPath: codingPath) }
        mutating func superEncoder(forKey key: Key) -> any Encoder {
            let nested = Slot()
            slot.add(nested, forKey: key.stringValue)
            return Writer(slot: nested, codingPath: codingPath + [key])
        }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let slot: Slot
        var codingPath: [any CodingKey]
        var count: Int { slot.count }

        mutating func encodeNil() throws { slot.append(Slot(NSNull())) }

        mutating func encode<T: Encodable>(_ value: T) throws { slot.append(try TreeEncoder.slot(for: value, codingPath: codingPath)) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            let nested = Slot()
            nested.content = .object([:])
            slot.append(nested)
            return KeyedEncodingContainer(Keyed<NestedKey>(slot: nested, codingPath: codingPath))
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            let nested = Slot()
            nested.content = .array([])
            slot.append(nested)
            return Unkeyed(slot: nested, codingPath: codingPath)
        }

        mutating func superEncoder() -> any Encoder {
            let nested = Slot()
            slot.append(nested)
            return Writer(slot: nested, codingPath: codingPath)
        }
    }

    struct Single: SingleValueEncodingContainer {
        let slot: Slot
        var codingPath: [any CodingKey]

        mutating func encodeNil() throws { slot.content = .scalar(NSNull()) }

        mutating func encode<T: Encodable>(_ value: T) throws {
            let inner = try TreeEncoder.slot(for: value, codingPath: codingPath)
            slot.content = inner.content
        }
    }
}
