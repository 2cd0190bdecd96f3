using GoldBot.Execution;
using GoldBot.Learning;
using GoldBot.Strategy;
using GoldBot.Tests.TestDoubles;

namespace GoldBot.Tests.Learning;

/// <summary>Per-pattern and per-condition results and the win rate of the last 20 closed trades.</summary>
public sealed class PatternPerformanceTests
{
    private static readonly DateTimeOffset T = new(2025, 12, 2, 16, 0, 0, TimeSpan.Zero);

    private static TradeRecord Closed(string pattern, decimal pnl, string session = "new_york", string zone = "discount", bool open = false) =>
        new("t", T, pattern, 8, "long", 2000m, 2000m, 1998m, 2004m, 1, 23.24m,
            new MarketConditions(session, 20, 1, "10:00", zone), open ? null : T.AddMinutes(30), [], pnl + 1.24m, 1.24m, open ? null : "tp1", 0m);

    [Fact]
    public void Statistics_by_pattern_and_by_condition()
    {
        var performance = new PatternPerformance(["order_block", "fvg"]);

        performance.Record(Closed("order_block", 40m));
        performance.Record(Closed("order_block", -25m, session: "london"));
        performance.Record(Closed("order_block", 0m, zone: "premium")); // breakeven is not a win
        performance.Record(Closed("fvg", 15.5m));

        Assert.Equal(["order_block", "fvg"], performance.EnabledPatterns);
        Assert.Equal(4, performance.TotalTrades);
        Assert.Equal(new PatternStats(3, 1, 15m), performance.ByPattern["order_block"]);
        Assert.Equal(new PatternStats(1, 1, 15.5m), performance.ByPattern["fvg"]);
        Assert.Equal(new PatternStats(2, 1, 40m), performance.ByCondition["order_block|session:new_york"]);
        Assert.Equal(new PatternStats(1, 0, -25m), performance.ByCondition["order_block|session:london"]);
        Assert.Equal(new PatternStats(2, 1, 15m), performance.ByCondition["order_block|zone:discount"]);
        Assert.Equal(new PatternStats(1, 0, 0m), performance.ByCondition["order_block|zone:premium"]);
        Assert.Equal(1.0 / 3, performance.ByPattern["order_block"].WinRate, 12);
        Assert.Equal(0.5, performance.WinRateLast20);
    }

    [Fact]
    public void Win_rate_covers_only_the_last_20_trades()
    {
        var performance = new PatternPerformance(["order_block"]);
        Assert.Equal(0, performance.WinRateLast20);

        for (var i = 0; i < 10; i++)
            performance.Record(Closed("order_block", -5m));
        for (var i = 0; i < 15; i++)
            performance.Record(Closed("order_block", 5m));

        // The last 20 are 5 losses and 15 wins.
        Assert.Equal(0.75, performance.WinRateLast20);
        Assert.Equal(new PatternStats(25, 15, 25m), performance.ByPattern["order_block"]);
    }

    [Fact]
    public void An_open_trade_cannot_be_recorded()
    {
        var performance = new PatternPerformance(["order_block"]);

        var e = Assert.Throws<ArgumentException>(() => performance.Record(Closed("order_block", 0m, open: true)));

        Assert.Equal("trade", e.ParamName);
        Assert.Equal(0, performance.TotalTrades);
        Assert.Equal(0, new PatternStats(0, 0, 0m).WinRate);
    }
}
