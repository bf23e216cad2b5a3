// walletsec backup: placeholder registered at the root until its issue lands.
import ArgumentParser

struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "(not yet available)", shouldDisplay: false)

    @OptionGroup var globals: GlobalOptions

    func run() throws {
        throw ValidationError("'backup' is not available in this build")
    }
}
