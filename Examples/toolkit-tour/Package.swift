// swift-tools-version:6.0
// A separate package that uses walletsec's libraries the way another Swift program would: by path.
import PackageDescription

let package = Package(
    name: "toolkit-tour",
    dependencies: [
        .package(name: "walletsec", path: "../..")
    ],
    targets: [
        .executableTarget(
            name: "toolkit-tour",
            dependencies: [
                .product(name: "PasswordStrength", package: "walletsec"),
                .product(name: "OneTimePassword", package: "walletsec"),
                .product(name: "AgeFormat", package: "walletsec"),
                .product(name: "Vault", package: "walletsec"),
                .product(name: "Statements", package: "walletsec"),
                .product(name: "Anomaly", package: "walletsec"),
            ],
            resources: [.copy("sample-statement.csv")]
        )
    ],
    swiftLanguageModes: [.v6]
)
