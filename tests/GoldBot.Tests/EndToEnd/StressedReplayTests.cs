using GoldBot.Market;

namespace GoldBot.Tests.EndToEnd;

/// <summary>
/// The real MGC replay with limits tight enough to bind (every score traded, entries from
/// midnight, $300 daily loss limit and risk per trade, $700 trailing maximum loss, no half risk,
/// 10 consecutive losses allowed): the loss limits must hold where they actually matter.
/// </summary>
public sealed class StressedReplayTests
{
    /// <summary>Limits that bind on the MGC file (also the backtest parity test's "tight" case).</summary>
    internal static readonly Dictionary<string, string?> Tight = new()
    {
        ["Strategy:MinScore"] = "1",
        ["Risk:TradingWindowStart"] = "00:00",
        ["Risk:DailyLossLimit"] = "300",
        ["Risk:MaxRiskPerTrade"] = "300",
        ["Risk:MaxLossLimit"] = "700",
        ["Risk:HalfRiskTrades"] = "0",
        ["Risk:MaxConsecutiveLosses"] = "10",
    };

    [Fact]
    public async Task Tight_limits_bind_and_are_never_broken()
    {
        using var run = await ReplayRun.StartAsync(overrides: Tight);
        Assert.True(run.ExitCode == 0, run.Error + run.Output);
        Assert.Contains("rule breaches 0", run.Output);

        var journal = run.Journal;
        var balance = 50_000m;
        var floor = 49_300m;
        var highest = 50_000m;
        DateOnly? day = null;
        var dayStart = balance;
        foreach (var t in journal)
        {
            var tradingDay = CmeSession.TradingDayOf(t.GetProperty("timestamp").GetDateTimeOffset());
            if (tradingDay != day)
            {
                if (day is not null)
                {
                    highest = Math.Max(highest, balance);
                    floor = Math.Min(50_000m, Math.Max(floor, highest - 700m));
                }
                day = tradingDay;
                dayStart = balance;
            }
            Assert.True(t.GetProperty("risk_amount").GetDecimal() <= 300m);
            balance += t.GetProperty("pnl").GetDecimal();
            Assert.True(balance > floor, $"{t.GetProperty("id")}: balance {balance} at or below the floor {floor}");
            Assert.True(balance - dayStart >= -(300m + 2 * t.GetProperty("size").GetInt32()), $"{t.GetProperty("id")}: day P&L {balance - dayStart}");
        }

        // Pinned: the limits bind. After four losses the account is $8.68 above the $49,300 floor
        // and every later signal is refused because that budget covers no contract.
        Assert.Contains("trades 5, win rate 20.0 %, net P&L -691.32 USD after costs (commissions 22.32), max drawdown 691.32 USD, final balance 49308.68, rule breaches 0", run.Output);
        Assert.Contains(run.SignalLines, l => l.Contains("reason=risk budget $8.67 covers 0 contracts", StringComparison.Ordinal));
    }
}
