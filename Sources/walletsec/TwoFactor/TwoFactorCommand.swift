// walletsec 2fa: placeholder registered at the root until its issue lands.
import ArgumentParser

struct TwoFactorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "2fa", abstract: "(not yet available)", shouldDisplay: false)

    @OptionGroup var globals: GlobalOptions

    func run() throws {
        throw ValidationError("'2fa' is not available in this build")
    }
}
