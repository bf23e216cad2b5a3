// One encoder configuration for every --json output, so field naming never drifts between commands.
import Foundation

/// The JSON encoder every `--json` output uses.
///
/// ```swift
/// print(try JSONOutput.line(status))  // {"schema_version":4,...}
/// ```
public enum JSONOutput {
    /// Swift camelCase properties become snake_case keys; keys are sorted so output is diffable.
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(ISO8601.string(date))
        }
        return encoder
    }

    /// One compact JSON object on one line (JSON Lines compatible).
    public static func line<T: Encodable>(_ value: T) throws -> String {
        let data = try encoder().encode(value)
        return String(decoding: data, as: UTF8.self)
    }
}

/// Timestamps as walletsec writes them.
public enum ISO8601 {
    /// UTC, second precision: `2026-11-23T03:36:39Z`.
    public static func string(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(secondsFromGMT: 0)
        return formatter.string(from: date)
    }
}
