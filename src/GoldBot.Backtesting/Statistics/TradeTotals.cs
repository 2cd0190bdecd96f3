namespace GoldBot.Backtesting.Statistics;

/// <summary>
/// Trade-level totals of a set of closed trades (a whole run or one breakdown group). Money is the
/// trade's net P&amp;L after costs (<see cref="GoldBot.Execution.TradeRecord.PnL"/>), USD. A trade with
/// net P&amp;L &gt; 0 is a win, &lt; 0 a loss, exactly 0 breakeven (counted in <see cref="Trades"/>, in
/// neither wins nor losses, and it ends both streaks).
/// </summary>
/// <param name="Trades">Closed trades, count.</param>
/// <param name="Wins">Trades with net P&amp;L &gt; 0.</param>
/// <param name="Losses">Trades with net P&amp;L &lt; 0.</param>
/// <param name="GrossProfit">Sum of the winning trades' net P&amp;L, USD (≥ 0). "Gross profit" in the
/// performance-report sense (TradeStation strategy performance report; Pardo, <i>The Evaluation and
/// Optimization of Trading Strategies</i>, 2008, ch. 9), not "before costs".</param>
/// <param name="GrossLoss">Sum of the losing trades' net P&amp;L, USD (≤ 0).</param>
/// <param name="Commission">Commissions and fees of all trades, USD (≥ 0).</param>
/// <param name="TradesWithR">Trades with an R multiple (planned risk &gt; 0).</param>
/// <param name="SumR">Sum of those trades' R multiples.</param>
/// <param name="LargestWin">Largest net P&amp;L of a winning trade, USD, or null without wins.</param>
/// <param name="LargestLoss">Most negative net P&amp;L of a losing trade, USD, or null without losses.</param>
/// <param name="MaxConsecutiveWins">Longest run of wins in trade order.</param>
/// <param name="MaxConsecutiveLosses">Longest run of losses in trade order.</param>
public sealed record TradeTotals(
    int Trades,
    int Wins,
    int Losses,
    decimal GrossProfit,
    decimal GrossLoss,
    decimal Commission,
    int TradesWithR,
    decimal SumR,
    decimal? LargestWin,
    decimal? LargestLoss,
    int MaxConsecutiveWins,
    int MaxConsecutiveLosses)
{
    /// <summary>Trades with net P&amp;L exactly 0.</summary>
    public int Breakeven => Trades - Wins - Losses;

    /// <summary>Net P&amp;L: gross profit + gross loss, USD.</summary>
    public decimal NetPnL => GrossProfit + GrossLoss;

    /// <summary>Win rate: wins ÷ all trades (breakeven trades count as non-wins), a fraction 0–1; null without trades.</summary>
    public decimal? WinRate => Trades == 0 ? null : (decimal)Wins / Trades;

    /// <summary>
    /// Profit factor: gross profit ÷ |gross loss| (Pardo 2008, ch. 9; TradeStation). Null when there
    /// is no losing trade (the ratio is undefined: +∞ with profits, 0/0 without); 0 when there are
    /// losses and no wins.
    /// </summary>
    public decimal? ProfitFactor => GrossLoss == 0 ? null : GrossProfit / -GrossLoss;

    /// <summary>Expectancy: mean net P&amp;L per trade, USD (Tharp, <i>Trade Your Way to Financial Freedom</i>, 1998); null without trades.</summary>
    public decimal? Expectancy => Trades == 0 ? null : NetPnL / Trades;

    /// <summary>Expectancy in R: mean R multiple over the trades that have one (Tharp 1998); null when none has.</summary>
    public decimal? ExpectancyR => TradesWithR == 0 ? null : SumR / TradesWithR;

    /// <summary>Average winning trade, USD; null without wins.</summary>
    public decimal? AverageWin => Wins == 0 ? null : GrossProfit / Wins;

    /// <summary>Average losing trade, USD (negative); null without losses.</summary>
    public decimal? AverageLoss => Losses == 0 ? null : GrossLoss / Losses;

    /// <summary>No trades.</summary>
    public static TradeTotals Empty { get; } = new(0, 0, 0, 0m, 0m, 0m, 0, 0m, null, null, 0, 0);
}
