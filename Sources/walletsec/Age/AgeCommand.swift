// walletsec age: placeholder registered at the root until its issue lands.
import ArgumentParser

struct AgeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "age", abstract: "(not yet available)", shouldDisplay: false)

    @OptionGroup var globals: GlobalOptions

    func run() throws {
        throw ValidationError("'age' is not available in this build")
    }
}
