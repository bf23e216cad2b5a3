// TEMPORARY: removed by the lead once every library throws its own enum
// (it moves into the CLI then; only the temporary WalletError keeps it in WalletCore).
// The process exit codes every walletsec command uses (docs/cli.md lists them).

/// Exit codes are part of the CLI contract: scripts branch on them, so values never change.
enum ExitStatus: Int32, Sendable, CaseIterable {
    case ok = 0
    /// A check found a problem: weak password, rejected code, alerts at or above the threshold.
    case checkFailed = 1
    /// Usage error or malformed input.
    case usage = 2
    /// Wrong passphrase, identity or import password.
    case authentication = 3
    /// Tampered or corrupt data.
    case integrity = 4
    /// Would overwrite something, or it already exists.
    case conflict = 5
    /// A bug or an environment failure we did not anticipate.
    case `internal` = 70

    /// Stable machine name used in JSON error objects.
    var name: String {
        switch self {
        case .ok: return "ok"
        case .checkFailed: return "check_failed"
        case .usage: return "usage"
        case .authentication: return "authentication"
        case .integrity: return "integrity"
        case .conflict: return "conflict"
        case .internal: return "internal"
        }
    }
}
