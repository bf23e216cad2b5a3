// Every threshold the detectors use, in one place, with the defaults documented in docs/statements.md.
// Amounts are minor units (fen); durations are seconds.

/// Every detector threshold; start from ``default`` and change what you need.
public struct DetectorConfig: Sendable, Codable, Equatable {
    // duplicate
    /// Two payments to one counterparty for the same amount, with different ids, this close together.
    public var duplicateWindowSeconds: Int64 = 600
    /// At or under this gap a duplicate is high severity.
    public var duplicateHighSeconds: Int64 = 120
    /// Date-only rows (no times): a same-day repeat is reported (as low) only at or above this (100.00),
    /// and only when the counterparty has no other same-day repeats in the history.
    public var duplicateDateOnlyMinimumMinor: Int64 = 10000

    // amount_outlier
    /// Modified z-score (0.6745·(ln x − median)/MAD) above which an amount is an outlier.
    /// 4.0, not the textbook 3.5: real spending is heavy-tailed, and at 3.5 one ordinary payment in about
    /// 4,000 crossed it (an ordinary big shop at a supermarket or a hospital bill).
    public var outlierZ: Double = 4.0
    /// ... and the amount must also be at least this multiple of the median.
    public var outlierMinRatio: Double = 3.0
    /// Prior payments needed to judge against a counterparty; fewer falls back to the category.
    public var outlierCounterpartyHistory = 8
    /// Prior payments needed to judge against the category instead.
    public var outlierCategoryHistory = 30
    /// Floor for the MAD of log amounts (fixed-price merchants would otherwise have MAD 0).
    public var outlierMADFloor: Double = 0.1
    /// Ignore outliers smaller than this (50.00).
    public var outlierMinimumMinor: Int64 = 5000
    /// Ratio to the median at or above which the outlier is high severity.
    public var outlierHighRatio: Double = 10

    // velocity
    /// Payments (above the card-testing tiny amount) in any 60 minutes at or above
    /// max(velocityMinimumPerHour, ceil(velocityFactor × the user's 95th percentile of that count)).
    /// A low percentile keeps the baseline from being dragged up by the bursts themselves.
    public var velocityWindowSeconds: Int64 = 3600
    /// The hourly floor of the velocity threshold.
    public var velocityMinimumPerHour = 8
    /// How many times the user's usual count is a burst.
    public var velocityFactor: Double = 3.0
    /// The percentile of the user's counts taken as usual.
    public var velocityPercentile: Double = 0.95
    /// Per local day (also for date-only sources): payments not already in an hourly burst at or above
    /// max(velocityMinimumPerDay, ceil(velocityFactor × the user's 95th percentile of active days)).
    public var velocityMinimumPerDay = 30

    // card_testing
    /// A charge at or under this is "tiny" (5.00).
    public var tinyAmountMinor: Int64 = 500
    /// At least this many tiny charges, each within `cardTestingGapSeconds` of the previous one...
    public var cardTestingMinimumRun = 3
    /// The longest gap between two tiny charges of one run.
    public var cardTestingGapSeconds: Int64 = 1800
    /// ...of which at least this many go to counterparties seen at most twice.
    public var cardTestingMinimumNewPayees = 2
    /// A larger charge this close to the run is part of it.
    public var cardTestingLargeWindowSeconds: Int64 = 3600

    // new_payee_large
    /// First payment to a counterparty above max(this, the user's `newPayeePercentile` amount).
    public var newPayeeMinimumMinor: Int64 = 50000
    /// The percentile of the user's payments a first payment must exceed.
    public var newPayeePercentile: Double = 0.99
    /// No "new payee" alerts in the first days of a user's history: every payee is new then.
    public var newPayeeWarmupSeconds: Int64 = 30 * 86400
    /// A first payment at or above this (10,000.00) is high severity.
    public var newPayeeHighMinor: Int64 = 1_000_000

    // odd_hour
    /// A local hour whose smoothed share (¼ previous hour + ½ this hour + ¼ next hour) of the user's
    /// timed payments is under this is odd...
    public var oddHourShare: Double = 0.01
    /// ...and alerts on its own only when the hour itself holds at most this share of the history;
    /// otherwise it needs another signal (a payee paid at most twice, a top-5% amount, a burst).
    public var oddHourDeadShare: Double = 0.003
    /// Odd-hour payments within two hours of each other that make a burst.
    public var oddHourBurst = 3
    /// ...once the user has at least this many timed payments.
    public var oddHourMinimumHistory = 200

    // recurring_change
    /// Occurrences needed before a series counts as recurring.
    public var recurringMinimumOccurrences = 3
    /// Share of intervals within `recurringIntervalTolerance` of the median interval.
    public var recurringRegularShare: Double = 0.7
    /// How far an interval may stray from the median interval.
    public var recurringIntervalToleranceSeconds: Int64 = 4 * 86400
    /// Amount change (relative to the previous stable amounts) that counts as a change.
    public var recurringChangeRatio: Double = 0.15
    /// Previous amounts must agree within this ratio to count as stable.
    public var recurringStableRatio: Double = 0.02
    /// A series starting this long after the history begins is a new recurring charge.
    public var recurringNewAfterSeconds: Int64 = 45 * 86400

    // foreign_currency
    /// The home currency; nil = the most common currency in the data.
    public var homeCurrency: String? = nil
    /// Payments in one foreign currency, this many within three days of each other, are a trip: not reported.
    public var foreignTripMinimum = 4

    // structuring
    /// Repeated amounts that are round (multiples of `structuringRoundMinor`) or within
    /// `structuringBelowRatio` under a threshold, at least `structuringMinimumCount` within the window.
    public var structuringRoundMinor: Int64 = 100_000
    /// Reporting thresholds amounts may be kept just under.
    public var structuringThresholdsMinor: [Int64] = [500_000, 1_000_000, 2_000_000, 5_000_000]
    /// How far under a threshold counts as just under.
    public var structuringBelowRatio: Double = 0.05
    /// Amounts under this (1,000.00) are ignored.
    public var structuringMinimumMinor: Int64 = 100_000
    /// Repeated amounts needed within the window.
    public var structuringMinimumCount = 3
    /// The window the repeated amounts must fall in.
    public var structuringWindowSeconds: Int64 = 7 * 86400

    // balance_gap
    /// Differences at or above this are high severity (100.00).
    public var balanceHighMinor: Int64 = 10000

    /// The documented defaults.
    public init() {}

    /// The documented defaults (docs/statements.md).
    public static let `default` = DetectorConfig()
}
