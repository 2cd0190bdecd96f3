using GoldBot.Execution;

namespace GoldBot.Tests.TestDoubles;

/// <summary>Closed trades for learning tests: trade i opens at 15:00 UTC on 1 December 2025 plus i hours, risks $100 and ends at <c>r</c> R.</summary>
internal static class ClosedTrades
{
    public static readonly DateTimeOffset Start = new(2025, 12, 1, 15, 0, 0, TimeSpan.Zero);

    public static TradeRecord Make(int i, string pattern, double r, string regime = "ranging", string session = "new_york")
    {
        var pnl = (decimal)Math.Round(r * 100, 2);
        var time = Start.AddHours(i);
        var conditions = Signals.Conditions with { Session = session } with { Regime = regime, AtrPercentile = 0.5, Weekday = "monday" };
        return new TradeRecord($"t{i}", time, pattern, 8, "long", 2000m, 2000m, 1999m, 2002m, 1, 100m, conditions, time.AddMinutes(30),
            [new TradeExit(time.AddMinutes(30), 2001m, 1, r > 0 ? "tp1" : "stop")], pnl, 0m, r > 0 ? "tp1" : "stop", 50_000m);
    }

    /// <summary><paramref name="each"/> losing <c>fair_value_gap</c> trades (−1 R three times in four) interleaved with winning <c>order_block</c> ones (+1.5 R twice in three).</summary>
    public static IEnumerable<TradeRecord> LoserAndWinner(int each)
    {
        for (var i = 0; i < each; i++)
        {
            yield return Make(2 * i, "fair_value_gap", i % 4 == 3 ? 1.0 : -1.0);
            yield return Make(2 * i + 1, "order_block", i % 3 == 2 ? -1.0 : 1.5);
        }
    }
}
