// swift-tools-version:6.1
import PackageDescription

/// Safeguard: a licensing and business-intelligence toolkit that helps a UK licensing team
/// and its safeguarding partners see where child sexual exploitation could go unchallenged
/// in hotels, licensed premises and taxis. See README.md and ../shared/brief/.
let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "Safeguard",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "safeguard", targets: ["SafeguardCLI"]),
        .library(name: "SafeguardCore", targets: ["SafeguardCore"]),
        .library(name: "SafeguardRules", targets: ["SafeguardRules"]),
        .library(name: "SafeguardText", targets: ["SafeguardText"]),
        .library(name: "SafeguardImport", targets: ["SafeguardImport"]),
        .library(name: "SafeguardStore", targets: ["SafeguardStore"]),
        .library(name: "SafeguardReports", targets: ["SafeguardReports"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.30.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
    ],
    targets: [
        .target(name: "SafeguardCore", swiftSettings: strict),
        .target(
            name: "SafeguardRules",
            dependencies: ["SafeguardCore", .product(name: "Yams", package: "Yams")],
            swiftSettings: strict
        ),
        .target(
            name: "SafeguardText",
            dependencies: ["SafeguardCore", .product(name: "Crypto", package: "swift-crypto")],
            resources: [.copy("Resources")],
            swiftSettings: strict
        ),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(
            name: "SafeguardImport",
            dependencies: ["SafeguardCore", "CLibXML2"],
            swiftSettings: strict
        ),
        .target(
            name: "SafeguardStore",
            dependencies: [
                "SafeguardCore", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "SafeguardReports",
            dependencies: ["SafeguardCore", .product(name: "Mustache", package: "swift-mustache")],
            swiftSettings: strict
        ),
        .target(
            name: "SafeguardStorePostgres",
            dependencies: ["SafeguardCore", "SafeguardStore", .product(name: "PostgresNIO", package: "postgres-nio")],
            swiftSettings: strict
        ),
        .target(name: "SafeguardCorpus", dependencies: ["SafeguardCore"], swiftSettings: strict),
        .target(
            name: "SafeguardPipeline",
            dependencies: [
                "SafeguardCore", "SafeguardRules", "SafeguardText", "SafeguardImport", "SafeguardStore",
                "SafeguardReports",
            ],
            swiftSettings: strict
        ),
        .target(
            name: "SafeguardServer",
            dependencies: [
                "SafeguardCore", "SafeguardRules", "SafeguardText", "SafeguardStore", "SafeguardReports",
                "SafeguardImport", "SafeguardPipeline",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.copy("Templates")],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "SafeguardCLI",
            dependencies: [
                "SafeguardCore", "SafeguardRules", "SafeguardText", "SafeguardImport",
                "SafeguardStore", "SafeguardReports", "SafeguardCorpus", "SafeguardPipeline",
                "SafeguardStorePostgres",
                "SafeguardServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .testTarget(name: "SafeguardCoreTests", dependencies: ["SafeguardCore"]),
        .testTarget(name: "SafeguardRulesTests", dependencies: ["SafeguardRules"]),
        .testTarget(name: "SafeguardTextTests", dependencies: ["SafeguardText", "SafeguardRules", "SafeguardStore"], exclude: ["Fixtures"]),
        .testTarget(name: "SafeguardImportTests", dependencies: ["SafeguardImport"], exclude: ["Fixtures"]),
        .testTarget(name: "SafeguardStoreTests", dependencies: ["SafeguardStore", "SafeguardImport", "SafeguardStorePostgres"]),
        .testTarget(name: "SafeguardReportsTests", dependencies: ["SafeguardReports"]),
        .testTarget(name: "SafeguardCorpusTests", dependencies: ["SafeguardCorpus"]),
        .testTarget(
            name: "SafeguardPipelineTests",
            dependencies: ["SafeguardPipeline", "SafeguardCorpus", "SafeguardReports", "SafeguardRules", "SafeguardText", "SafeguardStore", "SafeguardImport", "SafeguardStorePostgres"]
        ),
        .testTarget(
            name: "SafeguardServerTests",
            dependencies: [
                "SafeguardServer", "SafeguardStore", "SafeguardCore", "SafeguardStorePostgres",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Runs the built `safeguard` binary (newcomer: wrong files, directories, missing files, unwritable outputs).
        .testTarget(name: "SafeguardCLITests"),
    ],
    swiftLanguageModes: [.v6]
)

// Fuzz targets (libFuzzer), only when SAFEGUARD_FUZZ is set — see docs/fuzzing.md:
//   SAFEGUARD_FUZZ=1 swift build -c release --scratch-path .build-fuzz --product FuzzCSV \
//       -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
if Context.environment["SAFEGUARD_FUZZ"] != nil {
    package.targets += [
        .target(name: "FuzzDriver", path: "Fuzz/FuzzDriver"),
        .executableTarget(name: "FuzzCSV", dependencies: ["SafeguardImport", "FuzzDriver"], path: "Fuzz/FuzzCSV"),
        .executableTarget(name: "FuzzXML", dependencies: ["SafeguardImport", "FuzzDriver"], path: "Fuzz/FuzzXML"),
        .executableTarget(
            name: "FuzzRuleExpression", dependencies: ["SafeguardCore", "FuzzDriver"], path: "Fuzz/FuzzRuleExpression"),
    ]
}

// The intake load test's server (bench/intake/Server), only when SAFEGUARD_BENCH is set — see
// bench/intake/run.sh: `safeguard serve`'s application without the CLI's PostgresNIO, so a
// release build for the benchmark does not compile swift-nio-ssl's BoringSSL.
//   SAFEGUARD_BENCH=1 swift build -c release --scratch-path .build-release --product safeguard-intake-server
// SAFEGUARD_BENCH=postgres links the PostgreSQL store too (`--db postgres://…`, issue 14), and so BoringSSL.
if Context.environment["SAFEGUARD_BENCH"] != nil {
    let benchPostgres = Context.environment["SAFEGUARD_BENCH"] == "postgres"
    package.products += [.executable(name: "safeguard-intake-server", targets: ["IntakeBenchServer"])]
    package.targets += [
        .executableTarget(
            name: "IntakeBenchServer",
            dependencies: ["SafeguardServer", "SafeguardStore", .product(name: "Hummingbird", package: "hummingbird")]
                + (benchPostgres ? ["SafeguardStorePostgres"] : []),
            path: "bench/intake/Server",
            swiftSettings: benchPostgres ? [.define("SAFEGUARD_BENCH_POSTGRES")] : []),
    ]
}
