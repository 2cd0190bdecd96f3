using GoldBot.Execution;
using GoldBot.Market;
using GoldBot.Risk;

namespace GoldBot.Tests.Risk;

/// <summary>Early closes move the window and the flatten times with the close; a position still open when a new trading day starts is flattened at once.</summary>
public sealed class SessionScheduleTests
{
    private static readonly RiskOptions Rules = new()
    {
        EarlyCloses = [new EarlyClose { Date = new DateOnly(2025, 12, 24), Close = new TimeOnly(12, 45), Name = "Christmas Eve" }],
    };

    private static DateTimeOffset Ct(int month, int day, int hour, int minute) =>
        CmeSession.AtExchangeTime(new DateOnly(2025, month, day), new TimeOnly(hour, minute));

    [Fact]
    public void A_normal_day_uses_the_configured_times()
    {
        Assert.Equal(new SessionTimes(new(8, 30), new(15, 0), new(15, 5), new(15, 8), new(15, 10)), new SessionSchedule(Rules).For(new DateOnly(2025, 12, 23)));
    }

    [Fact]
    public void An_early_close_keeps_every_distance_to_the_close()
    {
        // 15:00/15:05/15:08 are 10/5/2 minutes before 15:10; measured from 12:45 they are 12:35/12:40/12:43.
        Assert.Equal(new SessionTimes(new(8, 30), new(12, 35), new(12, 40), new(12, 43), new(12, 45), Holiday: "Christmas Eve"), new SessionSchedule(Rules).For(new DateOnly(2025, 12, 24)));
        Assert.Equal(Ct(12, 24, 12, 43), new SessionSchedule(Rules).FlatDeadline(Ct(12, 24, 10, 0)));
    }

    [Fact]
    public void On_an_early_close_entries_stop_and_positions_are_flattened_before_it()
    {
        var risk = new RiskManager(Rules, ContractSpec.BuiltIn["MGC"], new FillModelOptions(), TimeSpan.FromMinutes(3));
        Assert.Null(risk.OnMarket(Ct(12, 24, 10, 0), 4500m));
        Assert.Equal("outside trading window 08:30–12:35 CT (early close 12:45, Christmas Eve)", risk.BlockedBy(Ct(12, 24, 12, 36)));

        risk.OnPosition(2, 4500m, false, 50_000m);
        Assert.Null(risk.OnMarket(Ct(12, 24, 12, 39), 4500m));
        // 12:42 + 3 minutes passes the 12:43 deadline: flatten at this close, not the next.
        Assert.Equal("eod_flatten", risk.OnMarket(Ct(12, 24, 12, 42), 4500m));
    }

    [Fact]
    public void A_position_still_open_when_a_new_trading_day_starts_is_flattened_at_once()
    {
        // Bars stop at 13:00 CT (missing data, or an early close not in the calendar): the next
        // bar is the 17:03 CT close of the next trading day's first bar.
        var risk = new RiskManager(new RiskOptions(), ContractSpec.BuiltIn["MGC"], new FillModelOptions(), TimeSpan.FromMinutes(3));
        Assert.Null(risk.OnMarket(Ct(12, 9, 12, 57), 4200m));
        risk.OnPosition(1, 4200m, false, 50_000m);
        Assert.Null(risk.OnMarket(Ct(12, 9, 13, 0), 4201m));
        Assert.Equal("session_end", risk.OnMarket(Ct(12, 9, 17, 3), 4202m));
    }

    [Fact]
    public void The_audit_uses_the_early_close_deadline()
    {
        var entry = Ct(12, 24, 11, 0);
        var conditions = new GoldBot.Strategy.MarketConditions("new_york", 0, 0, "11:00", "discount");
        TradeRecord Closed(DateTimeOffset exit) => new("t", entry, "order_block", 8, "long", 4500m, 4500m, 4490m, 4525m, 1, 13.24m, conditions, exit,
            [new TradeExit(exit, 4501m, 1, "eod_flatten")], 10m, 1.24m, "eod_flatten", 50_008.76m);
        var costs = new FillModelOptions();
        Assert.Empty(GoldBot.Analysis.RuleAudit.Check([Closed(Ct(12, 24, 12, 42))], Rules, ContractSpec.BuiltIn["MGC"], costs));
        Assert.Equal(["t: not flat by 12:43 CT"], GoldBot.Analysis.RuleAudit.Check([Closed(Ct(12, 24, 12, 45))], Rules, ContractSpec.BuiltIn["MGC"], costs));
    }
}
