import Foundation
import Mustache

/// Turns an `Encodable` view into the objects, lists and scalars a template reads, in one pass: encoding to JSON
/// text and parsing it back was a third of the site's time, and building dictionaries, then copying them into the
/// budgeted lists, most of the rest. The tree is what `JSONSerialization` would make of `JSONEncoder`'s output, with
/// objects and lists of its own: an absent optional is an absent key, `encodeNil` is `NSNull`.
enum TreeEncoder {
    static func tree(_ value: any Encodable, budget: RenderBudget) -> Any? {
        try? Self.value(of: value, budget: budget)
    }

    /// The scalars kept as they are; anything else encoded into an object or a list.
    static func value(of value: some Encodable, budget: RenderBudget) throws -> Any {
        switch value {
        case let text as String: return text
        case let flag as Bool: return flag
        case let number as Int: return number
        case let number as Double: return number
        default:
            let holder = Holder(budget: budget)
            try value.encode(to: Writer(holder: holder))
            return holder.value ?? TemplateObject()
        }
    }

    /// Where one value is written; `store` puts it in its place in the object or list that holds it.
    final class Holder {
        let budget: RenderBudget
        var store: ((Any) -> Void)?
        var value: Any? {
            didSet { if let value { store?(value) } }
        }

        init(budget: RenderBudget, value: Any? = nil, store: ((Any) -> Void)? = nil) {
            self.budget = budget
            self.value = value
            self.store = store
        }

        var object: TemplateObject {
            if let object = value as? TemplateObject { return object }
            let object = TemplateObject()
            value = object
            return object
        }

        var list: TemplateList {
            if let list = value as? TemplateList { return list }
            let list = TemplateList(budget: budget)
            value = list
            return list
        }
    }

    // Coding paths are not kept: nothing here throws an error that would report one.
    struct Writer: Encoder {
        let holder: Holder
        var codingPath: [any CodingKey] { [] }
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            KeyedEncodingContainer(Keyed(object: holder.object, budget: holder.budget))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer { Unkeyed(list: holder.list) }

        func singleValueContainer() -> any SingleValueEncodingContainer { Single(holder: holder) }
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let object: TemplateObject
        let budget: RenderBudget
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil(forKey key: Key) throws { object.members[key.stringValue] = NSNull() }

        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            object.members[key.stringValue] = try TreeEncoder.value(of: value, budget: budget)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
            -> KeyedEncodingContainer<NestedKey>
        {
            let nested = TemplateObject()
            object.members[key.stringValue] = nested
            return KeyedEncodingContainer(Keyed<NestedKey>(object: nested, budget: budget))
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            let nested = TemplateList(budget: budget)
            object.members[key.stringValue] = nested
            return Unkeyed(list: nested)
        }

        mutating func superEncoder() -> any Encoder { Writer(holder: Holder(budget: budget, value: object)) }

        mutating func superEncoder(forKey key: Key) -> any Encoder {
            let object = object
            return Writer(holder: Holder(budget: budget) { object.members[key.stringValue] = $0 })
        }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let list: TemplateList
        var codingPath: [any CodingKey] { [] }
        var count: Int { list.items.count }

        mutating func encodeNil() throws { list.append(NSNull()) }

        mutating func encode<T: Encodable>(_ value: T) throws { list.append(try TreeEncoder.value(of: value, budget: list.budget)) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            let nested = TemplateObject()
            list.append(nested)
            return KeyedEncodingContainer(Keyed<NestedKey>(object: nested, budget: list.budget))
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            let nested = TemplateList(budget: list.budget)
            list.append(nested)
            return Unkeyed(list: nested)
        }

        mutating func superEncoder() -> any Encoder {
            let list = list
            let index = list.items.count
            list.append(NSNull())
            return Writer(holder: Holder(budget: list.budget) { list.items[index] = $0 })
        }
    }

    struct Single: SingleValueEncodingContainer {
        let holder: Holder
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil() throws { holder.value = NSNull() }

        mutating func encode<T: Encodable>(_ value: T) throws { holder.value = try TreeEncoder.value(of: value, budget: holder.budget) }
    }
}

/// An object of a view, as a template reads it: its members by key.
final class TemplateObject: MustacheParent, MustacheTransformable {
    var members: [String: Any] = [:]

    func child(named name: String) -> Any? { members[name] }

    /// `{{#empty(object)}}` and the other transforms Mustache gives dictionaries.
    func transform(_ name: String) -> Any? { members.transform(name) }
}

/// A list of a view, which stops yielding items once the render's budget is spent.
final class TemplateList: MustacheSequence {
    var items: [Any] = []
    let budget: RenderBudget

    init(budget: RenderBudget) { self.budget = budget }

    func append(_ item: Any) {
        items.append(item)
        budget.items += 1
    }

    struct Iterator: IteratorProtocol {
        var inner: IndexingIterator<[Any]>
        let budget: RenderBudget

        mutating func next() -> Any? {
            guard let item = inner.next() else { return nil }
            guard budget.remaining > 0 else {
                budget.exhausted = true
                return nil
            }
            budget.remaining -= 1
            return item
        }
    }

    func makeIterator() -> Iterator { Iterator(inner: items.makeIterator(), budget: budget) }
}
