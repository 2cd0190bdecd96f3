using System.Globalization;
using GoldBot.Execution;

namespace GoldBot.Reporting;

/// <summary>
/// The end-of-run figures: bars, signals, trades, win rate, net P&amp;L after costs, maximum
/// drawdown and rule breaches. Money in USD; drawdown is peak-to-trough of equity marked at each
/// bar's worst price for the open position (see <see cref="Analysis.DrawdownTracker"/>).
/// </summary>
public sealed record RunSummary(
    int Bars,
    int Signals,
    int SignalsTaken,
    int Trades,
    int Wins,
    decimal NetPnL,
    decimal Costs,
    decimal MaxDrawdown,
    decimal FinalBalance,
    IReadOnlyList<string> Breaches,
    TimeSpan Elapsed)
{
    /// <summary>Wins ÷ trades, 0 with no trades.</summary>
    public double WinRate => Trades == 0 ? 0 : (double)Wins / Trades;

    /// <summary>Builds the summary from the run's statistics and closed trades.</summary>
    public static RunSummary From(RunStatistics statistics, IReadOnlyList<TradeRecord> trades, decimal finalBalance, IReadOnlyList<string> breaches, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        ArgumentNullException.ThrowIfNull(trades);
        return new RunSummary(statistics.Bars, statistics.Signals, statistics.SignalsTaken, trades.Count, trades.Count(t => t.PnL > 0),
            trades.Sum(t => t.PnL ?? 0), trades.Sum(t => t.Commission), statistics.MaxDrawdown, finalBalance, breaches, elapsed);
    }

    /// <summary>One line, e.g. for the closing note and for grep.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"bars {Bars}, signals {Signals} ({SignalsTaken} taken), trades {Trades}, win rate {WinRate:P1}, net P&L {NetPnL:+0.00;-0.00;0.00} USD after costs (commissions {Costs:0.00}), max drawdown {MaxDrawdown:0.00} USD, final balance {FinalBalance:0.00}, rule breaches {Breaches.Count}, {Elapsed.TotalSeconds:0.0} s");
}
