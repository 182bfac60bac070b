// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "lexgap",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "lexgap", targets: ["lexgap"]),
        .library(name: "LexgapCore", targets: ["LexgapCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        // Word files are zip archives; pandoc cannot number paragraphs across sections, so the DOCX is finished here.
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    ],
    targets: [
        // The checklist and templates live at the top of the repository, where people edit them; this target
        // only bundles them so that an installed binary works outside the repository.
        .target(
            name: "LexgapResources",
            path: ".",
            exclude: [
                "Sources/LexgapCore", "Sources/lexgap", "Sources/SafeOutput", "Sources/CSafeOutput", "Sources/CYAML", "Tests",
                "jurisdictions", "research", "docs", "README.md", ".ci", ".gitignore", "Fuzz", "Benchmarks", "CONTRIBUTING.md",
                "Makefile",
            ],
            sources: ["Sources/LexgapResources"],
            resources: [.copy("checklists"), .copy("templates")]
        ),
        // The system libyaml: lexgap builds its nodes from the parser's events, with their line and column.
        .systemLibrary(name: "CYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),
        .target(
            name: "LexgapCore",
            dependencies: [
                "LexgapResources",
                "CYAML",
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        // Every write of the command-line tool: atomic files, all-or-nothing folders, scratch folders for converters.
        .target(name: "CSafeOutput"),
        .target(name: "SafeOutput", dependencies: ["CSafeOutput"]),
        .executableTarget(
            name: "lexgap",
            dependencies: [
                "LexgapCore",
                "SafeOutput",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .testTarget(
            name: "LexgapTests",
            dependencies: ["LexgapCore", "lexgap", "SafeOutput"],
            exclude: ["Fixtures"]
        ),
    ]
)
