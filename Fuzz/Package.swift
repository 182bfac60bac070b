// swift-tools-version: 6.0
// A libFuzzer target for lexgap's loader, validator and engine. Separate from the main package so that a normal
// `swift build` never links libFuzzer; see README.md here for how to run it.
import PackageDescription

let package = Package(
    name: "LexgapFuzz",
    dependencies: [.package(name: "lexgap", path: "..")],
    targets: [
        .executableTarget(
            name: "LexgapFuzz",
            dependencies: [.product(name: "LexgapCore", package: "lexgap")]
        )
    ]
)
