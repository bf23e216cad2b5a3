// swift-tools-version:6.0
// walletsec: account-safety toolkit for mobile-wallet users.
// One library target per capability, C system libraries behind their own targets,
// and a thin `walletsec` executable that parses arguments and prints.
import PackageDescription

let package = Package(
    name: "walletsec",
    platforms: [.macOS(.v13)],
    products: [
        // One library per capability, so other Swift programs can use them (README: "Use it from Swift").
        .library(name: "PasswordStrength", targets: ["PasswordStrength"]),
        .library(name: "OneTimePassword", targets: ["OneTimePassword"]),
        .library(name: "AgeFormat", targets: ["AgeFormat"]),
        .library(name: "Backup", targets: ["Backup"]),
        .library(name: "Vault", targets: ["Vault"]),
        .library(name: "Statements", targets: ["Statements"]),
        .library(name: "Anomaly", targets: ["Anomaly"]),
        .library(name: "History", targets: ["History"]),
        .library(name: "QRCode", targets: ["QRCode"]),
        .executable(name: "walletsec", targets: ["walletsec"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
    ],
    targets: [
        // MARK: C libraries
        .systemLibrary(
            name: "CSodium",
            pkgConfig: "libsodium",
            providers: [.apt(["libsodium-dev"])]
        ),
        .systemLibrary(
            name: "COpenSSL",
            pkgConfig: "openssl",
            providers: [.apt(["libssl-dev"])]
        ),
        .systemLibrary(
            name: "CQRencode",
            pkgConfig: "libqrencode",
            providers: [.apt(["libqrencode-dev"])]
        ),
        // ZIP bills (password-protected Alipay/WeChat Pay exports): PKWARE and WinZip AES decryption;
        // Authenticator Plus backups.
        .systemLibrary(
            name: "CLibZip",
            pkgConfig: "libzip",
            providers: [.apt(["libzip-dev"])]
        ),
        // Reading QR codes out of screenshots and photos: PNG and JPEG decoding, then zbar.
        .systemLibrary(
            name: "CPNG",
            pkgConfig: "libpng",
            providers: [.apt(["libpng-dev"])]
        ),
        .systemLibrary(
            name: "CJPEG",
            pkgConfig: "libjpeg",
            providers: [.apt(["libjpeg62-turbo-dev"])]
        ),
        // zbar: header only (types and constants). No pkgConfig: its `--libs` would link libzbar, and with it
        // X11, dbus, systemd, v4l2… into every process start; QRCode dlopens libzbar.so.0 on first scan instead.
        .systemLibrary(
            name: "CZbar",
            providers: [.apt(["libzbar-dev"])]
        ),
        // Thin C wrappers over OpenSSL 3's EVP API, whose OSSL_PARAM macros Swift cannot call.
        .target(name: "CCryptoShim", dependencies: ["COpenSSL"]),
        // libjpeg reports errors by longjmp, which only C can catch.
        .target(name: "CImageShim", dependencies: ["CJPEG"]),

        // MARK: Shared core
        .target(name: "WalletCore"),
        .target(name: "WalletCrypto", dependencies: ["CSodium", "CCryptoShim", "WalletCore"]),

        // MARK: Capabilities
        .target(
            name: "Vault",
            dependencies: ["WalletCore", "WalletCrypto", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // Password dictionaries compiled in as C string literals (fast to compile, nothing to ship beside the binary).
        .target(name: "CPasswordData"),
        .target(name: "PasswordStrength", dependencies: ["WalletCore", "WalletCrypto", "CPasswordData"]),
        // GRDB reads other authenticators' SQLite databases (deserialised in memory, never opened as files);
        // libzip opens Authenticator Plus's password-protected (PKWARE) ZIP.
        .target(
            name: "OneTimePassword",
            dependencies: [
                "WalletCore", "WalletCrypto", "CLibZip", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        .target(name: "QRCode", dependencies: ["WalletCore", "CQRencode", "CPNG", "CImageShim", "CZbar"]),
        .target(name: "AgeFormat", dependencies: ["WalletCore", "WalletCrypto"]),
        .target(name: "Backup", dependencies: ["WalletCore", "WalletCrypto", "AgeFormat", "Vault"]),
        .target(name: "Statements", dependencies: ["WalletCore", "WalletCrypto", "CLibZip"]),
        .target(name: "Anomaly", dependencies: ["WalletCore", "Statements"]),
        // Statement history stored in the vault, and the scan pipeline that uses it as a baseline:
        // above Vault, Statements and Anomaly, so a program that only wants the vault links none of them.
        .target(
            name: "History",
            dependencies: [
                "WalletCore", "WalletCrypto", "Vault", "Statements", "Anomaly",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        // Seeded synthetic statements with planted anomalies (tests, scripts/gen-statements, bench, demo).
        .target(name: "StatementFixtures", dependencies: ["Statements", "Anomaly", "CLibZip"]),
        .executableTarget(name: "gen-statements", dependencies: ["StatementFixtures", "Statements"]),

        // MARK: Command line
        // The commands live in a library so tests can parse arguments and map errors in process;
        // the executable is one line that runs them.
        .target(
            name: "WalletsecCLI",
            dependencies: [
                "WalletCore", "WalletCrypto", "Vault", "PasswordStrength", "OneTimePassword",
                "AgeFormat", "Backup", "Statements", "Anomaly", "History", "QRCode",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "walletsec", dependencies: ["WalletsecCLI"]),

        // MARK: Tests
        .testTarget(name: "WalletCoreTests", dependencies: ["WalletCore"]),
        .testTarget(name: "WalletCryptoTests", dependencies: ["WalletCrypto"]),
        .testTarget(name: "VaultTests", dependencies: ["Vault", "WalletCrypto"]),
        .testTarget(name: "HistoryTests", dependencies: ["History", "Vault", "WalletCrypto", "Statements", "Anomaly"]),
        .testTarget(
            name: "WalletsecCLITests",
            dependencies: ["WalletsecCLI", "WalletCore", "OneTimePassword", "PasswordStrength", "QRCode"]
        ),
        .testTarget(name: "PasswordStrengthTests", dependencies: ["PasswordStrength"]),
        .testTarget(name: "OneTimePasswordTests", dependencies: ["OneTimePassword", "WalletCore", "WalletCrypto"]),
        .testTarget(name: "AgeFormatTests", dependencies: ["AgeFormat"]),
        .testTarget(name: "BackupTests", dependencies: ["Backup", "Vault", "WalletCore"]),
        .testTarget(
            name: "StatementsTests", dependencies: ["Statements", "StatementFixtures", "CLibZip", "WalletCrypto"],
            exclude: ["RealStatements"]),
        .testTarget(name: "AnomalyTests", dependencies: ["Anomaly", "Statements", "StatementFixtures"]),
        .testTarget(name: "QRCodeTests", dependencies: ["QRCode", "CJPEG"]),
    ],
    swiftLanguageModes: [.v6]
)
