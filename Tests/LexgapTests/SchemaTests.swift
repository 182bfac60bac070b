import Foundation
import LexgapCore
import Testing

/// The JSON Schemas for editors, checked with a real JSON Schema validator (Python's `jsonschema`, installed by
/// `.ci/setup`), and kept in step with the checklist.
@Suite struct SchemaTests {
    static let validator = Fixtures.directory.appendingPathComponent("schema/validate.py").path

    static func validate(_ schema: String, _ files: [String]) throws -> [String] {
        try Tool.run("python3", [validator, schema] + files).split(separator: "\n").map(String.init)
    }

    @Test(arguments: InputSchema.allCases.map(\.rawValue))
    func committedSchemaIsCurrent(_ kind: String) throws {
        let schema = try #require(InputSchema(rawValue: kind))
        let generated = try CLI.run(["schema", kind])
        #expect(generated.status == 0, "\(generated.stderr)")
        let committed = try String(contentsOf: Fixtures.repository.appendingPathComponent(schema.path), encoding: .utf8)
        #expect(generated.stdout == committed, "\(schema.path) is stale: regenerate it with 'swift run lexgap schema --write'")
    }

    @Test func shippedFilesValidateAgainstTheirSchemas() throws {
        let root = Fixtures.repository
        let jurisdictions = ShippedDataTests.shippedJurisdictions.map { root.appendingPathComponent($0).path }
        let results = try Self.validate(root.appendingPathComponent(InputSchema.jurisdiction.path).path, jurisdictions)
        #expect(results.count == jurisdictions.count)
        for line in results { #expect(line.hasPrefix("ok "), "\(line)") }
        let checklist = try Self.validate(
            root.appendingPathComponent(InputSchema.checklist.path).path,
            [root.appendingPathComponent("checklists/cybersex-trafficking.yaml").path])
        #expect(checklist.count == 1 && checklist[0].hasPrefix("ok "), "\(checklist)")
        // Every shipped file names its schema for the editor.
        for path in ShippedDataTests.shippedJurisdictions {
            let text = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
            #expect(text.hasPrefix("# yaml-language-server: $schema=../\(InputSchema.jurisdiction.path)\n"), "\(path)")
        }
    }

    /// Schemas made for the fixture checklist accept the valid fixtures and reject broken ones.
    @Test func brokenFilesFailTheSchema() throws {
        let folder = try Scratch.folder()
        var schemas: [String: String] = [:]
        for kind in InputSchema.allCases {
            let result = try CLI.run(["schema", kind.rawValue, "--checklist", "analysis/checklist.yaml"], in: Fixtures.directory)
            let path = folder.appendingPathComponent("\(kind.rawValue).json").path
            try Data(result.stdout.utf8).write(to: URL(fileURLWithPath: path))
            schemas[kind.rawValue] = path
        }
        let fixtures = Fixtures.directory
        let good = try Self.validate(
            schemas["jurisdiction"]!,
            [
                "analysis/jurisdictions/XA.yaml", "analysis/jurisdictions/XB.yaml", "valid/XA.yaml", "format2/XD.yaml",
                "schema/draft-in-progress.yaml",
            ]
            .map { fixtures.appendingPathComponent($0).path })
        for line in good { #expect(line.hasPrefix("ok "), "\(line)") }
        let brokenFolder = fixtures.appendingPathComponent("schema/broken")
        let broken = try FileManager.default.contentsOfDirectory(atPath: brokenFolder.path).sorted().map {
            brokenFolder.appendingPathComponent($0).path
        }
        #expect(broken.count >= 7)
        let results = try Self.validate(schemas["jurisdiction"]!, broken)
        #expect(results.count == broken.count)
        for line in results { #expect(line.hasPrefix("invalid "), "\(line)") }

        let weights = try Self.validate(
            schemas["weights"]!,
            [
                fixtures.appendingPathComponent("analysis/weights.yaml").path,
                fixtures.appendingPathComponent("broken-weights/unknown-criterion/weights.yaml").path,
                fixtures.appendingPathComponent("broken-weights/weight-too-high/weights.yaml").path,
            ])
        #expect(weights.map { $0.split(separator: " ")[0] } == ["ok", "invalid", "invalid"], "\(weights)")
        let checklists = try Self.validate(
            schemas["checklist"]!,
            [
                fixtures.appendingPathComponent("checklist.yaml").path,
                fixtures.appendingPathComponent("broken-checklists/weight-out-of-range/checklist.yaml").path,
            ])
        #expect(checklists.map { $0.split(separator: " ")[0] } == ["ok", "invalid"], "\(checklists)")
    }
}

/// The command-line reference is made from the commands' own help: the committed one must be current.
@Suite struct CommandReferenceTests {
    @Test func committedReferenceIsCurrent() throws {
        let generated = try CLI.run(["reference"])
        #expect(generated.status == 0, "\(generated.stderr)")
        let committed = try String(contentsOf: Fixtures.repository.appendingPathComponent("docs/cli.md"), encoding: .utf8)
        #expect(generated.stdout == committed, "docs/cli.md is stale: regenerate it with 'swift run lexgap reference --write'")
    }
}
