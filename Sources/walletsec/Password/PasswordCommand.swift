// walletsec password: placeholder registered at the root until its issue lands.
import ArgumentParser

struct PasswordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "password", abstract: "(not yet available)", shouldDisplay: false)

    @OptionGroup var globals: GlobalOptions

    func run() throws {
        throw ValidationError("'password' is not available in this build")
    }
}
