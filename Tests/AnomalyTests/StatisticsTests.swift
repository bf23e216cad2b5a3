// The quickselect median and quantiles agree with sorting, including duplicates and small arrays.
import StatementFixtures
import XCTest

@testable import Anomaly

final class StatisticsTests: XCTestCase {
    func testSelectionMatchesSorting() {
        var random = SeededRandom(seed: 3)
        for size in [1, 2, 3, 4, 5, 10, 101, 1000] {
            for _ in 0..<20 {
                let values = (0..<size).map { _ in Double(random.int(0...20)) / 4 }
                let sorted = values.sorted()
                XCTAssertEqual(medianUnsorted(values), median(sorted), "size \(size)")
                for q in [0, 0.5, 0.95, 0.99, 1] {
                    XCTAssertEqual(quantileUnsorted(values, q), quantile(sorted, q), "size \(size) q \(q)")
                }
            }
        }
        XCTAssertNil(quantileUnsorted([Int](), 0.5))
        XCTAssertEqual(medianUnsorted([]), 0)
    }
}
