/// A value held once by all its copies, until one of them is changed (copy on write).
///
/// Every reading of every jurisdiction carries its criterion and the instruments it cites: inline, those copies were
/// about half the memory a large data set's score cards take.
struct Shared<Value: Sendable & Hashable>: Sendable, Hashable {
    // Mutated only while uniquely referenced, so never by two threads at once.
    private final class Storage: @unchecked Sendable {
        var value: Value
        init(_ value: Value) { self.value = value }
    }

    private var storage: Storage

    init(_ value: Value) { storage = Storage(value) }

    var value: Value {
        get { storage.value }
        set {
            if isKnownUniquelyReferenced(&storage) {
                storage.value = newValue
            } else {
                storage = Storage(newValue)
            }
        }
    }

    static func == (lhs: Self, rhs: Self) -> Bool { lhs.storage === rhs.storage || lhs.value == rhs.value }
    func hash(into hasher: inout Hasher) { hasher.combine(value) }
}
