// swift-tools-version:6.0
import PackageDescription

// Dependencies flow one way: dangvu → DangVuWeb → DangVuStore → DangVuCore (DESIGN.md); the PostgreSQL
// engine, DangVuPostgres, depends on DangVuStore and nothing depends on it but the tests (yet); the demo,
// DangVuDemo, depends on DangVuStore and DangVuCore, and only the command line and the tests depend on it.
let package = Package(
  name: "DangVu",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "dangvu", targets: ["dangvu"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
    .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    // Hummingbird's request and response types, which the web tests build directly.
    .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    // Page snapshots in the web tests (the SnapshotTesting target alone: no macros, no swift-syntax to build).
    .package(url: "https://github.com/pointfreeco/swift-snapshot-testing", from: "1.19.7"),
  ],
  targets: [
    .target(name: "DangVuCore"),
    .target(
      name: "DangVuStore",
      dependencies: [
        "DangVuCore",
        .product(name: "GRDB", package: "GRDB.swift"),
        // SQLite's C interface, for binding the rows of a bulk load without boxing (PreparedInsert).
        .product(name: "GRDBSQLite", package: "GRDB.swift"),
        .product(name: "CSV", package: "CSV.swift"),
        // Passwords are stored as bcrypt hashes; the audit chain links entries by SHA-256.
        .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
        .product(name: "Crypto", package: "swift-crypto"),
        // Word documents (Documents/) and Excel workbooks (Spreadsheet/, decision 0020) are ZIP packages of XML parts.
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ]),
    // The PostgreSQL engine beside SQLite, over the store's public protocols only (docs/decisions/0032).
    .target(
      name: "DangVuPostgres",
      dependencies: [
        "DangVuCore", "DangVuStore",
        .product(name: "PostgresNIO", package: "postgres-nio"),
        .product(name: "Logging", package: "swift-log"),
      ]),
    // The demo: its seeded generator and its loaders, which write through the store (decision 0039).
    .target(name: "DangVuDemo", dependencies: ["DangVuCore", "DangVuStore"]),
    .target(
      name: "DangVuWeb",
      dependencies: [
        "DangVuCore", "DangVuStore",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "Logging", package: "swift-log"),
        // Files uploaded from the import page arrive as multipart/form-data.
        .product(name: "MultipartKit", package: "multipart-kit"),
      ],
      // The API's description, served at /openapi.yaml and checked against the routes by a test. Compiled
      // into the binary: a copied resource folder can go missing from an install, and Bundle.module then aborts.
      resources: [.embedInCode("API/openapi.yaml")]),
    .executableTarget(
      name: "dangvu",
      dependencies: [
        "DangVuCore", "DangVuStore", "DangVuWeb",
        // `--database postgres://…`: every command on the central engine.
        "DangVuPostgres",
        // `demo`, `serve --demo`, `grades demo` and the import benchmark's files.
        "DangVuDemo",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        // `serve` builds the application's configuration.
        .product(name: "Hummingbird", package: "hummingbird"),
      ]),
    .testTarget(name: "DangVuCoreTests", dependencies: ["DangVuCore"]),
    .testTarget(name: "DangVuDemoTests", dependencies: ["DangVuDemo", "DangVuCore", "DangVuStore"]),
    // Fixtures the store and web tests share, built through the store like real data.
    .target(name: "DangVuTestFixtures", dependencies: ["DangVuCore", "DangVuStore"], path: "Tests/Fixtures"),
    .testTarget(
      name: "DangVuStoreTests",
      dependencies: [
        "DangVuCore", "DangVuStore", "DangVuTestFixtures",
        // Statements run behind the store's back, as someone with the file could.
        .product(name: "GRDB", package: "GRDB.swift"),
        // Bulk loads, backups and round trips are tried on a demo province.
        "DangVuDemo",
        // The tree's and the audit trail's contracts run on PostgreSQL too (StoreEngine), each test in a database of its own.
        "DangVuPostgres",
        .product(name: "PostgresNIO", package: "postgres-nio"),
        .product(name: "Logging", package: "swift-log"),
        // CSVScanner is checked against the reader it replaced.
        .product(name: "CSV", package: "CSV.swift"),
        // Mutated workbooks are built as archives in the tests.
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ],
      // Workbooks written by openpyxl, read by path (Fixtures/make_workbooks.py makes them).
      exclude: ["Fixtures"]),
    .testTarget(
      name: "DangVuWebTests",
      dependencies: [
        "DangVuCore", "DangVuStore", "DangVuWeb", "DangVuTestFixtures",
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "HTTPTypes", package: "swift-http-types"),
        // The report pages hold the demo province to its targets (DemoTargets).
        "DangVuDemo",
        .product(name: "HummingbirdTesting", package: "hummingbird"),
        .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
      ],
      // The pages as they were approved (PageSnapshotTests), compared byte for byte.
      exclude: ["__Snapshots__"]),
    // Drives the built `dangvu` binary; depending on it makes `swift build --build-tests` build it first.
    .testTarget(name: "EndToEndTests", dependencies: ["dangvu"]),
  ]
)
