using CsvHelper.Configuration.Attributes;

namespace GoldBot.Backtesting.Output;

/// <summary>
/// One line of trades.csv (<see cref="TradesCsvWriter"/>). Times are ISO-8601: UTC with <c>Z</c>, exchange
/// time (America/Chicago) with its offset. Prices in points, money in USD, holding time in minutes.
/// </summary>
public sealed record TradeCsvRow
{
    /// <summary>Trade id (client tag of the entry order).</summary>
    [Name("id"), Index(0)] public required string Id { get; init; }

    /// <summary>CME trading day of the entry, yyyy-MM-dd.</summary>
    [Name("trading_day"), Index(1)] public required string TradingDay { get; init; }

    /// <summary>Entry fill time, UTC.</summary>
    [Name("entry_time_utc"), Index(2)] public required string EntryTimeUtc { get; init; }

    /// <summary>Entry fill time, exchange time (CT).</summary>
    [Name("entry_time_ct"), Index(3)] public required string EntryTimeExchange { get; init; }

    /// <summary>Flat time, UTC (empty while open).</summary>
    [Name("exit_time_utc"), Index(4)] public string? ExitTimeUtc { get; init; }

    /// <summary>Flat time, exchange time (CT) (empty while open).</summary>
    [Name("exit_time_ct"), Index(5)] public string? ExitTimeExchange { get; init; }

    /// <summary><c>long</c> or <c>short</c>.</summary>
    [Name("side"), Index(6)] public required string Side { get; init; }

    /// <summary>Pattern traded.</summary>
    [Name("pattern"), Index(7)] public required string Pattern { get; init; }

    /// <summary>Pattern score, 1–10.</summary>
    [Name("score"), Index(8)] public int Score { get; init; }

    /// <summary>Contracts.</summary>
    [Name("size"), Index(9)] public int Size { get; init; }

    /// <summary>Entry fill price, points.</summary>
    [Name("entry"), Index(10)] public decimal Entry { get; init; }

    /// <summary>Price at the signal, points.</summary>
    [Name("expected_entry"), Index(11)] public decimal ExpectedEntry { get; init; }

    /// <summary>Initial stop, points.</summary>
    [Name("stop"), Index(12)] public decimal Stop { get; init; }

    /// <summary>Farthest target, points.</summary>
    [Name("target"), Index(13)] public decimal Target { get; init; }

    /// <summary>Exit fills as <c>price x quantity reason</c>, separated by <c>; </c>.</summary>
    [Name("exits"), Index(14)] public required string Exits { get; init; }

    /// <summary>Quantity-weighted mean exit price, points, 4 decimals (empty without exits).</summary>
    [Name("average_exit"), Index(15)] public decimal? AverageExit { get; init; }

    /// <summary>P&amp;L before costs, USD.</summary>
    [Name("gross_pnl"), Index(16)] public decimal GrossPnL { get; init; }

    /// <summary>Commissions and fees, USD.</summary>
    [Name("commission"), Index(17)] public decimal Commission { get; init; }

    /// <summary>Net P&amp;L, USD (empty while open).</summary>
    [Name("net_pnl"), Index(18)] public decimal? NetPnL { get; init; }

    /// <summary>Planned loss at the stop including costs, USD.</summary>
    [Name("risk_usd"), Index(19)] public decimal RiskUsd { get; init; }

    /// <summary>Net P&amp;L ÷ planned risk.</summary>
    [Name("r_multiple"), Index(20)] public decimal? RMultiple { get; init; }

    /// <summary>Reason of the final exit.</summary>
    [Name("exit_reason"), Index(21)] public string? ExitReason { get; init; }

    /// <summary>Minutes from entry to flat, 2 decimals.</summary>
    [Name("hold_minutes"), Index(22)] public decimal? HoldMinutes { get; init; }

    /// <summary>Maximum adverse excursion, USD (empty when not measured).</summary>
    [Name("mae_usd"), Index(23)] public decimal? MaeUsd { get; init; }

    /// <summary>Maximum favourable excursion, USD (empty when not measured).</summary>
    [Name("mfe_usd"), Index(24)] public decimal? MfeUsd { get; init; }

    /// <summary>Account balance after the last fill, USD.</summary>
    [Name("balance_after"), Index(25)] public decimal BalanceAfter { get; init; }
}
