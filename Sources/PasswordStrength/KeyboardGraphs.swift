// Keyboard adjacency graphs (QWERTY, Dvorak, keypads) built from layout pictures the way zxcvbn builds them:
// each key's neighbours in a fixed direction order, so a walk's "turns" are direction changes.

struct KeyboardGraph: Sendable {
    let name: String
    /// neighbours[ascii] = the key caps (e.g. "2@") around that key, in direction order; nil off the board.
    let neighbours: [[[UInt8]?]]
    let startingPositions: Double
    let averageDegree: Double
    let shiftable: Bool

    init(name: String, layout: String, slanted: Bool) {
        self.name = name
        shiftable = slanted
        var positions: [Position: [UInt8]] = [:]
        let lines = layout.split(separator: "\n", omittingEmptySubsequences: false)
        for (y, line) in lines.enumerated() {
            let slant = slanted ? y - 1 : 0
            let chars = Array(line.utf8)
            var tokenSize = 0
            var k = 0
            while k < chars.count {
                if chars[k] == 0x20 {
                    k += 1
                    continue
                }
                var end = k
                while end < chars.count && chars[end] != 0x20 { end += 1 }
                if tokenSize == 0 { tokenSize = end - k }
                let unit = (slanted ? 2 : 1) + 1
                let x = (k - slant) / unit
                positions[Position(x: x, y: y)] = Array(chars[k..<end])
                k = end
            }
        }
        var table = [[[UInt8]?]](repeating: [], count: 128)
        var keys = 0
        var degreeSum = 0
        for (position, caps) in positions {
            let around = slanted ? position.slantedNeighbours : position.alignedNeighbours
            let entries = around.map { positions[$0] }
            for cap in caps where cap < 128 {
                table[Int(cap)] = entries
                keys += 1
                degreeSum += entries.compactMap { $0 }.count
            }
        }
        neighbours = table
        startingPositions = Double(keys)
        averageDegree = Double(degreeSum) / Double(max(keys, 1))
    }

    static let all: [KeyboardGraph] = [
        KeyboardGraph(
            name: "qwerty",
            layout: """
                `~ 1! 2@ 3# 4$ 5% 6^ 7& 8* 9( 0) -_ =+
                    qQ wW eE rR tT yY uU iI oO pP [{ ]} \\|
                     aA sS dD fF gG hH jJ kK lL ;: '"
                      zZ xX cC vV bB nN mM ,< .> /?
                """, slanted: true),
        KeyboardGraph(
            name: "dvorak",
            layout: """
                `~ 1! 2@ 3# 4$ 5% 6^ 7& 8* 9( 0) [{ ]}
                    '" ,< .> pP yY fF gG cC rR lL /? =+ \\|
                     aA oO eE uU iI dD hH tT nN sS -_
                      ;: qQ jJ kK xX bB mM wW vV zZ
                """, slanted: true),
        KeyboardGraph(
            name: "keypad",
            layout: """
                  / * -
                7 8 9 +
                4 5 6
                1 2 3
                  0 .
                """, slanted: false),
        KeyboardGraph(
            name: "mac_keypad",
            layout: """
                  = / *
                7 8 9 -
                4 5 6 +
                1 2 3
                  0 .
                """, slanted: false),
    ]
}

private struct Position: Hashable {
    var x: Int
    var y: Int

    var slantedNeighbours: [Position] {
        [
            Position(x: x - 1, y: y), Position(x: x, y: y - 1), Position(x: x + 1, y: y - 1),
            Position(x: x + 1, y: y), Position(x: x, y: y + 1), Position(x: x - 1, y: y + 1),
        ]
    }

    var alignedNeighbours: [Position] {
        [
            Position(x: x - 1, y: y), Position(x: x - 1, y: y - 1), Position(x: x, y: y - 1),
            Position(x: x + 1, y: y - 1), Position(x: x + 1, y: y), Position(x: x + 1, y: y + 1),
            Position(x: x, y: y + 1), Position(x: x - 1, y: y + 1),
        ]
    }
}
