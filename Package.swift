// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Fayuan",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "Run", targets: ["Run"]),
        .library(name: "Kernel", targets: ["Kernel"]),
        .library(name: "LegalAidCore", targets: ["LegalAidCore"]),
        .library(name: "DeskCore", targets: ["DeskCore"]),
        .library(name: "KnowledgeCore", targets: ["KnowledgeCore"]),
        .library(name: "DirectoryCore", targets: ["DirectoryCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor", from: "4.110.0"),
        .package(url: "https://github.com/vapor/fluent", from: "4.12.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver", from: "4.8.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver", from: "2.10.0"),
        // Imported directly, so declared (all already come with Vapor and Fluent).
        .package(url: "https://github.com/vapor/sql-kit", from: "3.32.0"),
        // A corpus of laws read from its own SQLite file (`LawCorpusSource`).
        .package(url: "https://github.com/vapor/sqlite-kit", from: "4.5.0"),
        .package(url: "https://github.com/vapor/sqlite-nio", from: "1.13.0"),
        // The consultation relay's own LISTEN connection.
        .package(url: "https://github.com/vapor/postgres-kit", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.0.0"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.81.0"),
        // /metrics in the Prometheus text format.
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        // Page snapshots in the tests.
        .package(url: "https://github.com/pointfreeco/swift-snapshot-testing", from: "1.19.7"),
    ],
    targets: [
        // Rules every domain shares (roles and actors, calendar and periods, organisations,
        // validation): Foundation only, no I/O, Swift 6 language mode.
        .target(name: "Kernel"),
        // One module of pure rules per domain, Foundation only, no I/O (the legal aid case's own
        // mediation step is `CaseMediationFirst`; people's mediation is `MediationCore`).
        // The legal-aid law and workflow.
        .target(name: "LegalAidCore", dependencies: ["Kernel"]),
        // The consultation desk and the 12348 hotline (a consultation may become an application).
        .target(name: "DeskCore", dependencies: ["Kernel", "LegalAidCore"]),
        // The knowledge base: search terms, ranking, highlighting, laws by article, redaction.
        .target(name: "KnowledgeCore", dependencies: ["Kernel"]),
        // The directory: distance, nearest open, hours as written, imports (searched as the
        // knowledge base searches).
        .target(name: "DirectoryCore", dependencies: ["Kernel", "KnowledgeCore"]),
        // People's mediation: the workflow, its periods, the agreement and its signatures,
        // committees and mediators, the routes left when it fails.
        .target(name: "MediationCore", dependencies: ["Kernel"]),
        .target(
            name: "App",
            dependencies: [
                "LegalAidCore", "DeskCore", "KnowledgeCore", "DirectoryCore", "MediationCore",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: [.swiftLanguageMode(.v5)]
        ),
        .executableTarget(
            name: "Run",
            dependencies: ["App", .product(name: "Vapor", package: "vapor"), .product(name: "Logging", package: "swift-log"), .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio")],
            swiftSettings: [.swiftLanguageMode(.v5)]
        ),
        // Each domain's rules have their spec target; SpecSupport holds what they share (the 2026
        // holiday schedule, days, actors).
        .target(name: "SpecSupport", dependencies: ["Kernel"], path: "Tests/SpecSupport"),
        .testTarget(name: "LegalAidCoreTests", dependencies: ["LegalAidCore", "Kernel", "SpecSupport"]),
        .testTarget(name: "DeskCoreTests", dependencies: ["DeskCore", "SpecSupport"]),
        .testTarget(name: "KnowledgeCoreTests", dependencies: ["KnowledgeCore", "SpecSupport"]),
        .testTarget(name: "DirectoryCoreTests", dependencies: ["DirectoryCore", "SpecSupport"]),
        .testTarget(name: "MediationCoreTests", dependencies: ["MediationCore", "SpecSupport"]),
        .testTarget(
            name: "AppTests",
            dependencies: [
                "App",
                "LegalAidCore", "DeskCore", "KnowledgeCore", "DirectoryCore", "MediationCore",
                .product(name: "XCTVapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
            ],
            exclude: ["__Snapshots__", "Fixtures"],
            swiftSettings: [.swiftLanguageMode(.v5)]
        ),
    ]
)
