// walletsec device: placeholder registered at the root until its issue lands.
import ArgumentParser

struct DeviceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "device", abstract: "(not yet available)", shouldDisplay: false)

    @OptionGroup var globals: GlobalOptions

    func run() throws {
        throw ValidationError("'device' is not available in this build")
    }
}
