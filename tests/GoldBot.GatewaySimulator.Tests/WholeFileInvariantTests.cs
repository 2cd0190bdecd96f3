using GoldBot.GatewaySimulator.Engine;
using GoldBot.GatewaySimulator.Hosting;
using GoldBot.GatewaySimulator.Market;
using GoldBot.MarketData;
using GoldBot.Time;
using GoldBot.Tests;

namespace GoldBot.GatewaySimulator.Tests;

/// <summary>Invariants over a replay of the whole real MGC file, with a bracketed entry every 40 bars.</summary>
public sealed class WholeFileInvariantTests
{
    [Fact]
    public void Balance_change_equals_realised_pnl_minus_fees_and_every_fill_is_inside_its_bar()
    {
        var file = BarCsvReader.Read(SharedData.MgcBars);
        var contract = SimContract.FromId("CON.F.US.MGC.G26");
        var clock = new ReplayClock(file.Bars[1].OpenTime);
        var replay = new MarketReplay(contract.Id, contract.SymbolId, contract.Spec.TickSize, file.Bars, file.Period, 1, clock);
        var engine = new TradingEngine([contract], [new SimAccount(1, "A", 50_000m, true, true, true, true)], FeeSchedule.Default, clock);
        var events = new List<EngineEvent>();
        engine.OnPrice(contract.Id, replay.LastPrice!.Value, true, events);

        var fillsOutside = 0;
        var entries = 0;
        var step = 0;
        while (replay.NextPointTime is { } time)
        {
            // As step mode does: the clock at the point's time, and at the bar's end for its close.
            clock.AdvanceTo(replay.NextPointClosesBar ? replay.NextPointBarEnd!.Value : time);
            replay.TryNext(out var tick);
            var tradesBefore = engine.Trades.Count;
            engine.OnPrice(tick.ContractId, tick.Price, tick.Gap, events);
            foreach (var t in engine.Trades.Skip(tradesBefore))
            {
                var owner = file.Bars.Last(b => b.OpenTime <= t.CreationTimestamp);
                if (t.Price < owner.Low || t.Price > owner.High)
                    fillsOutside++;
            }
            if (++step % (40 * PricePath.PointsPerBar) == 0 && !engine.Positions.Any())
            {
                var side = entries++ % 2;
                var r = engine.Place(new PlaceOrderCommand(1, contract.Id, 2, side, 2, StopLossBracket: new BracketLeg(30, OrderType.Stop), TakeProfitBracket: new BracketLeg(45, OrderType.Limit)), events);
                Assert.True(r.Success, r.ErrorMessage);
            }
        }

        Assert.True(entries > 250, $"only {entries} entries");
        Assert.Equal(0, fillsOutside);
        var realised = engine.Trades.Sum(t => t.ProfitAndLoss ?? 0m);
        var costs = engine.Trades.Sum(t => t.Fees + t.Commissions);
        Assert.Equal(50_000m + realised - costs, engine.Account(1)!.Balance);
        // Every closing fill realises a whole number of ticks of $1.00 on MGC.
        Assert.All(engine.Trades.Where(t => t.ProfitAndLoss is not null), t => Assert.Equal(0m, t.ProfitAndLoss!.Value % 1.00m));
        // No bracket leg is left working once flat, and at most one leg per entry filled.
        if (!engine.Positions.Any())
            Assert.DoesNotContain(engine.Orders, o => o.IsWorking);
        Assert.All(engine.Orders.Where(o => o.ParentOrderId is null && o.Status == OrderStatus.Filled),
            e => Assert.True(engine.Orders.Count(o => o.ParentOrderId == e.Id && o.Status == OrderStatus.Filled) <= 1));
    }

    [Fact]
    public void Paced_replay_plays_a_bar_every_period_divided_by_speed()
    {
        Assert.Equal(TimeSpan.FromSeconds(45), ReplayPump.PauseBetweenTrades(TimeSpan.FromMinutes(3), 1));
        Assert.Equal(TimeSpan.FromSeconds(0.75), ReplayPump.PauseBetweenTrades(TimeSpan.FromMinutes(3), 60));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReplayPump.PauseBetweenTrades(TimeSpan.FromMinutes(3), 0));
    }
}
