// gen-statements: writes seeded synthetic statements with planted anomalies and a label file.
//   gen-statements --out DIR [--seed 7] [--accounts 50] [--rows 2000] [--per-family 5]
//                  [--formats alipay,wechat,wechat-xlsx,acclog,ofx,qif,csv] [--single]
// One file per account and format (DIR/account-001.alipay.csv ...), DIR/bank.rules for the csv
// files, and DIR/labels.csv (family,case,transaction_id). --single puts all rows of one account
// in one file per format (for the benchmark: --accounts 1 --rows 1000000).
import Foundation
import StatementFixtures
import Statements

let arguments = Array(CommandLine.arguments.dropFirst())
@MainActor func option(_ name: String, _ fallback: String) -> String {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return fallback }
    return arguments[index + 1]
}
guard arguments.contains("--out") else {
    FileHandle.standardError.write(
        Data(
            "usage: gen-statements --out DIR [--seed N] [--accounts N] [--rows N] [--per-family N] [--formats LIST]\n"
                .utf8))
    exit(2)
}
let folder = option("--out", ".")
let seed = UInt64(option("--seed", "7")) ?? 7
let accounts = Int(option("--accounts", "50")) ?? 50
let rows = Int(option("--rows", "2000")) ?? 2000
let perFamily = Int(option("--per-family", "5")) ?? 5
let days = Int(option("--days", "365")) ?? 365
let formats = option("--formats", "alipay,wechat,wechat-xlsx,acclog,ofx,qif,csv").split(separator: ",").map(String.init)

try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
@MainActor func write(_ bytes: [UInt8], _ name: String) throws {
    try Data(bytes).write(to: URL(fileURLWithPath: folder + "/" + name))
}
var generated: [GeneratedAccount] = []
for index in 0..<accounts {
    let account = StatementGenerator.account(
        index: index, options: GeneratorOptions(seed: seed, rows: rows, days: days, perFamily: perFamily))
    let stem = "account-" + String(format: "%03d", index + 1)
    for format in formats {
        switch format {
        case "alipay":
            guard let bytes = TextEncoding.encode(Array(StatementWriters.alipay(account).utf8), to: "GBK") else {
                fatalError("GBK encoding failed")
            }
            try write(bytes, stem + ".alipay.csv")
        case "wechat": try write(Array(StatementWriters.wechat(account).utf8), stem + ".wechat.csv")
        case "wechat-xlsx": try write(try StatementWriters.wechatXLSX(account), stem + ".wechat.xlsx")
        case "acclog":
            guard let bytes = TextEncoding.encode(Array(StatementWriters.alipayAccountLog(account).utf8), to: "GB18030")
            else { fatalError("GB18030 encoding failed") }
            try write(bytes, stem + "_ACCLOG.csv")
        case "ofx": try write(Array(StatementWriters.ofx(account).utf8), stem + ".ofx")
        case "qif": try write(Array(StatementWriters.qif(account).utf8), stem + ".qif")
        case "csv":
            let (csv, rules) = StatementWriters.rulesCSV(account)
            try write(Array(csv.utf8), stem + ".bank.csv")
            try write(Array(rules.utf8), "bank.rules")
        default:
            FileHandle.standardError.write(Data("gen-statements: unknown format \(format)\n".utf8))
            exit(2)
        }
    }
    generated.append(account)
}
try write(Array(StatementWriters.labels(generated).utf8), "labels.csv")
let total = generated.reduce(0) { $0 + $1.transactions.count }
print(
    "gen-statements: \(accounts) account(s), \(total) rows, \(generated.reduce(0) { $0 + $1.planted.count }) planted cases in \(folder)"
)
