// swift-tools-version:6.0
// libFuzzer targets for every parser of outside input, in a package of their own so the normal
// `swift build` / `swift test` never compile them. Built by scripts/fuzz with
// `-sanitize=fuzzer,address` on the scratch path .build-fuzz; each target links libFuzzer's main.
// They use walletsec's libraries by path, through public API only (as any other program would).
import PackageDescription

// (target name, walletsec products it uses)
let fuzzTargets: [(String, [String])] = [
    ("FuzzKeyURI", ["OneTimePassword"]),
    ("FuzzGoogleMigration", ["OneTimePassword"]),
    ("FuzzOTPImport", ["OneTimePassword"]),
    ("FuzzOTPDecrypt", ["OneTimePassword"]),
    ("FuzzAgeFile", ["AgeFormat"]),
    ("FuzzAgeKeyFile", ["AgeFormat"]),
    ("FuzzBackup", ["Backup", "AgeFormat"]),
    ("FuzzStatement", ["Statements"]),
    ("FuzzWalletCSV", ["Statements"]),
    ("FuzzRulesCSV", ["Statements"]),
    ("FuzzRulesFile", ["Statements"]),
    ("FuzzXLSX", ["Statements"]),
    ("FuzzOFX", ["Statements"]),
    ("FuzzQIF", ["Statements"]),
    ("FuzzZipBill", ["Statements", "AgeFormat"]),
    ("FuzzBreachList", ["PasswordStrength"]),
    ("FuzzQRImage", ["QRCode"]),
]

let package = Package(
    name: "walletsec-fuzz",
    products: fuzzTargets.map { .executable(name: $0.0, targets: [$0.0]) },
    dependencies: [
        .package(name: "walletsec", path: "..")
    ],
    targets: [.target(name: "FuzzDriver")]
        + fuzzTargets.map { name, products in
            .executableTarget(
                name: name,
                dependencies: ["FuzzDriver"] + products.map { .product(name: $0, package: "walletsec") },
                path: "Sources/\(name)",
                swiftSettings: [.unsafeFlags(["-parse-as-library"])]
            )
        },
    swiftLanguageModes: [.v6]
)
