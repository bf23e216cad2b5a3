// --kdf-memory / --kdf-passes: explicit Argon2id cost for init and passwd.
import ArgumentParser
import Vault

struct KDFOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            L(
                "Argon2id memory in MiB (default 256; minimum 8).",
                "Argon2id 使用的内存，单位 MiB（默认 256；最少 8）。"), valueName: "mib"))
    var kdfMemory: UInt64?

    @Option(
        name: .long,
        help: ArgumentHelp(
            L(
                "Argon2id passes (default 3).",
                "Argon2id 迭代次数（默认 3）。"), valueName: "n"))
    var kdfPasses: UInt64?

    func parameters(base: KDFParameters = .default) -> KDFParameters {
        KDFParameters(opsLimit: kdfPasses ?? base.opsLimit, memLimit: kdfMemory.map { $0 << 20 } ?? base.memLimit)
    }

    var isSet: Bool { kdfMemory != nil || kdfPasses != nil }
}
