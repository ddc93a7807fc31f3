// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Fayuan",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "Run", targets: ["Run"]),
        .library(name: "LegalAidCore", targets: ["LegalAidCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor", from: "4.110.0"),
        .package(url: "https://github.com/vapor/fluent", from: "4.12.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver", from: "4.8.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver", from: "2.10.0"),
    ],
    targets: [
        // The law, the workflow and the calendar: Foundation only, no I/O.
        .target(name: "LegalAidCore"),
        .target(
            name: "App",
            dependencies: [
                "LegalAidCore",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: [.swiftLanguageMode(.v5)]
        ),
        .executableTarget(name: "Run", dependencies: ["App"], swiftSettings: [.swiftLanguageMode(.v5)]),
        .testTarget(name: "LegalAidCoreTests", dependencies: ["LegalAidCore"]),
        .testTarget(
            name: "AppTests",
            dependencies: [
                "App",
                .product(name: "XCTVapor", package: "vapor"),
            ],
            swiftSettings: [.swiftLanguageMode(.v5)]
        ),
    ]
)
