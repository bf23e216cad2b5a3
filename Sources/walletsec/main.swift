// The walletsec executable: everything it does lives in WalletsecCLI, which tests can drive in process.
import WalletsecCLI

Walletsec.main()
