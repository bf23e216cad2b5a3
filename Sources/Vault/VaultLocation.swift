// Where the vault lives: --vault DIR > $WALLETSEC_HOME > $XDG_DATA_HOME/walletsec > ~/.local/share/walletsec.

public enum VaultLocation {
    public static let databaseFileName = "vault.sqlite"

    public static func resolve(explicit: String?, environment: [String: String]) -> String {
        if let explicit, !explicit.isEmpty { return explicit }
        if let home = environment["WALLETSEC_HOME"], !home.isEmpty { return home }
        if let data = environment["XDG_DATA_HOME"], !data.isEmpty { return data + "/walletsec" }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? "."
        return home + "/.local/share/walletsec"
    }

    public static func databasePath(folder: String) -> String {
        folder + "/" + databaseFileName
    }
}
