using System.Globalization;

namespace GoldBot.Backtesting.Statistics;

/// <summary>
/// Closed trades counted by R multiple (<see cref="Execution.TradeRecord.RMultiple"/>: net P&amp;L ÷ planned risk) in bins
/// half an R wide, <c>[lo, hi)</c>, from the lowest to the highest bin holding a trade, empty bins included, with every
/// trade below −5 R or at or above +10 R in an open-ended edge bin. Trades without a planned risk are left out.
/// </summary>
public static class RMultipleHistogram
{
    /// <summary>Width of a bin, R.</summary>
    public const decimal BinWidth = 0.5m;

    /// <summary>Lowest bin edge; lower multiples share the bin "&lt; −5.0".</summary>
    public const decimal Lowest = -5m;

    /// <summary>Highest bin edge; higher multiples share the bin "≥ 10.0".</summary>
    public const decimal Highest = 10m;

    /// <summary>The columns of the table.</summary>
    public static IReadOnlyList<BreakdownColumn> Columns { get; } =
    [
        new("trades", "Trades", StatisticUnit.Count),
        new("share", "Share of trades", StatisticUnit.Fraction),
        new("net_pnl", "Net P&L (USD)", StatisticUnit.Usd),
    ];

    /// <summary>The breakdown <c>r_multiples</c> of <paramref name="trades"/>: keys like <c>-1.0 to -0.5</c>, lowest bin first.</summary>
    public static BreakdownTable Of(IReadOnlyList<Execution.TradeRecord> trades)
    {
        ArgumentNullException.ThrowIfNull(trades);
        var measured = trades.Where(t => t.RMultiple is not null && t.PnL is not null).ToList();
        var rows = new List<BreakdownRow>();
        if (measured.Count > 0)
        {
            var bins = measured.GroupBy(t => Bin(t.RMultiple!.Value)).ToDictionary(g => g.Key, g => g.ToList());
            for (var lo = bins.Keys.Min(); lo <= bins.Keys.Max(); lo += BinWidth)
            {
                var inBin = bins.GetValueOrDefault(lo) ?? [];
                rows.Add(new BreakdownRow(Name(lo),
                [
                    inBin.Count,
                    StatisticRounding.Round((decimal)inBin.Count / measured.Count, StatisticUnit.Fraction),
                    StatisticRounding.Round(inBin.Sum(t => t.PnL!.Value), StatisticUnit.Usd),
                ]));
            }
        }
        return new BreakdownTable("r_multiples", "R-multiple distribution (net P&L ÷ planned risk)", "R multiple", Columns, rows);
    }

    /// <summary>Lower edge of the bin holding <paramref name="r"/> (the edge bins: <see cref="Lowest"/> − width and <see cref="Highest"/>).</summary>
    public static decimal Bin(decimal r) =>
        r < Lowest ? Lowest - BinWidth : r >= Highest ? Highest : decimal.Floor(r / BinWidth) * BinWidth;

    private static string Name(decimal lo) =>
        lo < Lowest ? string.Create(CultureInfo.InvariantCulture, $"< {Lowest:0.0}")
        : lo >= Highest ? string.Create(CultureInfo.InvariantCulture, $"≥ {Highest:0.0}")
        : string.Create(CultureInfo.InvariantCulture, $"{lo:0.0} to {lo + BinWidth:0.0}");
}
