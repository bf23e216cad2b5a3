// walletsec restore: placeholder registered at the root until its issue lands.
import ArgumentParser

struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore", abstract: "(not yet available)", shouldDisplay: false)

    @OptionGroup var globals: GlobalOptions

    func run() throws {
        throw ValidationError("'restore' is not available in this build")
    }
}
