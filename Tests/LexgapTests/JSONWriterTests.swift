import Foundation
import Testing

@testable import LexgapCore

/// lexgap writes its JSON itself; it must be byte for byte what `JSONEncoder` writes with the options lexgap used
/// before, so that every script reading lexgap's JSON, and every golden file, sees no change.
@Suite struct JSONWriterTests {
    struct Sample: Encodable {
        struct Empty: Encodable {}
        var a10 = 1
        var a9 = 2.5
        var B: [Int] = []
        var aB: [String: Int] = [:]
        var a_b = "x/y\"\n\u{1}é\t\\"
        var whole: Double = 100
        var missing: Double? = nil
        var null = Nullable<String>(nil)
        var present = Nullable<Double>(84.7)
        var large = 1e20
        var small = 0.0001
        var negative = -3.25
        var flag = true
        var empty = Empty()
        var nested = [[1, 2], []]
        var status = Status.notApplicable
        var map = ["z": ["k": "v"], "a": [:]]
    }

    @Test func writesWhatJSONEncoderWrites() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let expected = String(decoding: try encoder.encode(Sample()), as: UTF8.self)
        #expect(JSONWriter.text(Sample()) == expected)
    }

    /// A list long enough to be written on all cores comes out as `JSONEncoder` writes the plain array, items in order.
    @Test func writesALongListInOrderOnAllCores() throws {
        struct Item: Encodable, Sendable {
            var code: String
            var score: Double
            var criteria: [Int]
        }
        struct Report: Encodable {
            var count = 1
            var items: ParallelJSONList<Item>
        }
        let items = (0..<(JSONWriter.parallelListLength + 44)).map { Item(code: "J\($0)", score: Double($0) / 7, criteria: [$0, 1]) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let expected = String(decoding: try encoder.encode(Report(items: ParallelJSONList(items))), as: UTF8.self)
        #expect(JSONWriter.text(Report(items: ParallelJSONList(items))) == expected)
    }
}
