using GoldBot.Execution;
using GoldBot.Strategy;

namespace GoldBot.Monitoring;

/// <summary>
/// A trade as written to trades_today.json and all_trades.jsonl, with the monitoring plan's
/// field names (<c>design/001</c> §2) plus exits, costs and the R multiple. Money in USD, prices
/// in points, times ISO-8601 UTC (market time), hold time in minutes.
/// </summary>
public sealed record TradeDocument(
    string Id,
    string RunId,
    DateTimeOffset Timestamp,
    string Symbol,
    string Pattern,
    int PatternScore,
    string Side,
    decimal Entry,
    decimal ExpectedEntry,
    decimal Stop,
    decimal Target,
    int Size,
    decimal RiskAmount,
    MarketConditions MarketConditions,
    string? Outcome,
    decimal? Pnl,
    decimal GrossPnl,
    decimal Commission,
    string? ExitReason,
    DateTimeOffset? ExitTime,
    double? HoldTime,
    decimal? RMultiple,
    IReadOnlyList<TradeExit> Exits,
    decimal BalanceAfter)
{
    /// <summary>Maps a trade record.</summary>
    public static TradeDocument From(TradeRecord t, string symbol, string runId) => new(
        t.Id, runId, t.EntryTime, symbol, t.Pattern, t.PatternScore, t.Side, t.Entry, t.ExpectedEntry, t.Stop, t.Target, t.Size,
        t.RiskAmount, t.Conditions, t.Outcome, t.PnL, t.GrossPnL, t.Commission, t.ExitReason, t.ExitTime, t.HoldMinutes,
        t.RMultiple, t.Exits, t.BalanceAfter);

    /// <summary>The trade record this document was made from (the journal line read back: a restart's learning history).</summary>
    public TradeRecord ToRecord() => new(Id, Timestamp, Pattern, PatternScore, Side, Entry, ExpectedEntry, Stop, Target, Size, RiskAmount, MarketConditions,
        ExitTime, Exits, GrossPnl, Commission, ExitReason, BalanceAfter);
}
