// walletsec history: placeholder registered at the root until its issue lands.
import ArgumentParser

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history", abstract: "(not yet available)", shouldDisplay: false)

    @OptionGroup var globals: GlobalOptions

    func run() throws {
        throw ValidationError("'history' is not available in this build")
    }
}
