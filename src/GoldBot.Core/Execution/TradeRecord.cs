using GoldBot.Strategy;

namespace GoldBot.Execution;

/// <summary>One exit fill of a trade.</summary>
/// <param name="Time">Fill time, UTC.</param>
/// <param name="Price">Fill price, points.</param>
/// <param name="Quantity">Contracts.</param>
/// <param name="Reason"><c>tp1</c>, <c>tp2</c>, <c>runner</c>, <c>stop</c>, <c>breakeven_stop</c>, or a flatten reason.</param>
public sealed record TradeExit(DateTimeOffset Time, decimal Price, int Quantity, string Reason);

/// <summary>
/// A trade from entry fill to flat, with the fields of the monitoring plan's trade log
/// (<c>design/001</c> §2) plus its exits and costs. Money is USD after costs unless named gross.
/// </summary>
/// <param name="Id">Client tag of the entry order, unique per account.</param>
/// <param name="EntryTime">Entry fill time, UTC.</param>
/// <param name="Pattern">Pattern traded.</param>
/// <param name="PatternScore">Its score, 1–10.</param>
/// <param name="Side"><c>long</c> or <c>short</c>.</param>
/// <param name="Entry">Entry fill price, points.</param>
/// <param name="ExpectedEntry">Price at the signal (close of the signal bar), points; Entry − ExpectedEntry is the entry slippage.</param>
/// <param name="Stop">Initial stop price, points.</param>
/// <param name="Target">Farthest take-profit price, points.</param>
/// <param name="Size">Contracts.</param>
/// <param name="RiskAmount">Planned loss at the stop including round-trip costs, USD.</param>
/// <param name="Conditions">Market conditions at the signal.</param>
/// <param name="ExitTime">Time the position went flat, or null while open.</param>
/// <param name="Exits">Exit fills so far.</param>
/// <param name="GrossPnL">P&amp;L of the exits before costs, USD.</param>
/// <param name="Commission">Commissions and fees of all fills so far, USD.</param>
/// <param name="ExitReason">Reason of the final exit, or null while open.</param>
/// <param name="BalanceAfter">Account balance after the last fill, USD.</param>
public sealed record TradeRecord(
    string Id,
    DateTimeOffset EntryTime,
    string Pattern,
    int PatternScore,
    string Side,
    decimal Entry,
    decimal ExpectedEntry,
    decimal Stop,
    decimal Target,
    int Size,
    decimal RiskAmount,
    MarketConditions Conditions,
    DateTimeOffset? ExitTime,
    IReadOnlyList<TradeExit> Exits,
    decimal GrossPnL,
    decimal Commission,
    string? ExitReason,
    decimal BalanceAfter)
{
    /// <summary>True once the position is flat.</summary>
    public bool IsClosed => ExitTime is not null;

    /// <summary>Net P&amp;L after costs, USD (null while open).</summary>
    public decimal? PnL => IsClosed ? GrossPnL - Commission : null;

    /// <summary><c>win</c> (net &gt; 0), <c>loss</c> (&lt; 0), <c>breakeven</c>, or null while open.</summary>
    public string? Outcome => PnL switch { null => null, > 0 => "win", < 0 => "loss", _ => "breakeven" };

    /// <summary>Net P&amp;L in units of the planned risk (R multiple), or null while open.</summary>
    public decimal? RMultiple => PnL is { } pnl && RiskAmount > 0 ? decimal.Round(pnl / RiskAmount, 2) : null;

    /// <summary>Minutes from entry to flat, or null while open.</summary>
    public double? HoldMinutes => ExitTime is { } exit ? (exit - EntryTime).TotalMinutes : null;
}
