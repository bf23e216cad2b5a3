// Where the vault lives: --vault DIR > $WALLETSEC_HOME > $XDG_DATA_HOME/walletsec > ~/.local/share/walletsec.

/// Where a vault lives on disk.
///
/// ```swift
/// let folder = VaultLocation.resolve(explicit: nil, environment: ProcessInfo.processInfo.environment)
/// let vault = try Vault.open(at: folder)
/// ```
public enum VaultLocation {
    /// The SQLite file's name inside the vault folder.
    public static let databaseFileName = "vault.sqlite"

    /// The vault folder: `explicit` (from `--vault`) if given, else `$WALLETSEC_HOME`, else
    /// `$XDG_DATA_HOME/walletsec`, else `~/.local/share/walletsec`.
    public static func resolve(explicit: String?, environment: [String: String]) -> String {
        if let explicit, !explicit.isEmpty { return explicit }
        if let home = environment["WALLETSEC_HOME"], !home.isEmpty { return home }
        if let data = environment["XDG_DATA_HOME"], !data.isEmpty { return data + "/walletsec" }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? "."
        return home + "/.local/share/walletsec"
    }

    /// The SQLite file of the vault in `folder`.
    public static func databasePath(folder: String) -> String {
        folder + "/" + databaseFileName
    }
}
