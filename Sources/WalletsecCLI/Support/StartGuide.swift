// What `walletsec` with no arguments prints: a short start guide in the user's language, what each capability is
// for and the first command to run, instead of the raw command list (that stays on `walletsec --help`).
import WalletCore

enum StartGuide {
    static func text(_ language: Language) -> String {
        language == .zh ? zh : en
    }

    static let en = """
        walletsec keeps a mobile-wallet account safe, on your own computer.

        Start here (once): create the vault, the encrypted folder everything else is kept in
          walletsec init

        Then, whatever you came for:
          Check a password          walletsec password check
          Make a strong password    walletsec password generate
          Two-factor codes          walletsec 2fa import <export file>   then   walletsec 2fa code <account>
          Moving to a new phone     walletsec device init   then   walletsec backup <file.age>
          Spot odd payments         walletsec scan <statement file>
          Keep statement history    walletsec history import <statement file>
          What the vault holds      walletsec status

        Every command explains itself: walletsec <command> --help   (all commands: walletsec --help)
        Messages are in English or Chinese: --lang en|zh, or from LANG.
        """

    static let zh = """
        walletsec 在您自己的电脑上保护您的手机钱包账户安全。

        第一步（只需一次）：创建保险库，其他所有数据都加密保存在这个文件夹里
          walletsec init

        然后按需使用：
          检查密码强度        walletsec password check
          生成高强度密码      walletsec password generate
          双重验证的验证码    walletsec 2fa import <导出文件>，然后 walletsec 2fa code <账户>
          换新手机            walletsec device init，然后 walletsec backup <文件.age>
          找出可疑的交易      walletsec scan <账单文件>
          保存账单历史        walletsec history import <账单文件>
          查看保险库内容      walletsec status

        每个命令都有说明：walletsec <命令> --help（全部命令：walletsec --help）
        界面语言为中文或英文：用 --lang zh|en 指定，默认跟随 LANG。
        """
}
