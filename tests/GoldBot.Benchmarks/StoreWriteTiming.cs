using System.Diagnostics;
using GoldBot.Execution;
using GoldBot.Risk;
using GoldBot.Smc;
using GoldBot.State;
using GoldBot.Strategy;
using HdrHistogram;

namespace GoldBot.Benchmarks;

/// <summary>
/// What a state store write costs (issue 10: under 1 ms p99 added to an order's path): the open trade and the risk state
/// saved 2,000 times each to a real SQLite file in the temp folder (WAL, synchronous=FULL: every save is a committed,
/// synced transaction), timed one by one with HdrHistogram; and what the order executor waits for, the
/// <see cref="Hosting.OpenTradePersistence.Save"/> that hands the write to the <see cref="Hosting.StateWriter"/>; and what an entry
/// waits for before it is sent, the outbox's commit (<see cref="Hosting.OpenTradePersistence.RecordAsync"/>). Run with <c>-- store</c>.
/// </summary>
internal static class StoreWriteTiming
{
    public static async Task RunAsync(TextWriter output, int saves = 2_000)
    {
        var folder = Directory.CreateTempSubdirectory("goldbot-store-timing-").FullName;
        try
        {
            using var store = StateStore.Open(Path.Combine(folder, "account-1.db"), TimeProvider.System);
            var signal = new TradeSignal(DateTimeOffset.UnixEpoch, "order_block", 1, 8, new OrderBlockScore(2, 2, 2, 1, 1), 2001m, 1999m, 2000m, 20, 1,
                new MarketConditions("new_york", 55.2, 1.8, "09:15", "discount"), null);
            var plan = new TradePlan(signal, 4, 20, [new TargetLeg("tp1", 2, 20, 1m), new TargetLeg("tp2", 2, 40, 2m)], 92.96m, 250m);
            var trade = new OpenTradeState("gb1-20251210-1445-1", plan, false, 4, 2000.1m, DateTimeOffset.UnixEpoch, true, null, 1998.1m, false, true, 0m, 2.48m, []);
            var risk = new RiskState(new DateOnly(2025, 12, 10), 50_000m, 50_000m, 50_000m, 48_000m, 0, 0, 0, null, null);
            var tradeTimes = new LongHistogram(TimeSpan.FromSeconds(10).Ticks * 100, 3);
            var riskTimes = new LongHistogram(TimeSpan.FromSeconds(10).Ticks * 100, 3);
            for (var i = 0; i < saves; i++)
            {
                Time(tradeTimes, () => store.SaveOpenTrade(1, trade with { Commission = 2.48m + i }));
                Time(riskTimes, () => store.SaveRisk(1, risk with { TotalTrades = i }));
            }
            var handOffTimes = new LongHistogram(TimeSpan.FromSeconds(10).Ticks * 100, 3);
            var outboxTimes = new LongHistogram(TimeSpan.FromSeconds(10).Ticks * 100, 3);
            await using (var writer = new Hosting.StateWriter(Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance))
            {
                var persistence = new Hosting.OpenTradePersistence(store, writer, 1, new Monitoring.WriteFailures(TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance));
                for (var i = 0; i < saves; i++)
                {
                    Time(handOffTimes, () => persistence.Save(trade with { Commission = 5_000m + i }));
                    await Task.Delay(1); // trades change a few times a second at most
                }
                for (var i = 0; i < saves; i++)
                {
                    var start = Stopwatch.GetTimestamp();
                    await persistence.RecordAsync(trade with { Tag = $"gb1-entry-{i}", EntryFilled = 0 }, CancellationToken.None);
                    outboxTimes.RecordValue((long)Stopwatch.GetElapsedTime(start).TotalNanoseconds);
                }
            }
            await output.WriteLineAsync($"{saves} saves of each to {folder}; {Environment.ProcessorCount} cores, {PipelineLatency.RuntimeInformationText()}");
            PipelineLatency.Report(output, "save the open trade", tradeTimes);
            PipelineLatency.Report(output, "save the risk state", riskTimes);
            PipelineLatency.Report(output, "executor's wait: OpenTradePersistence.Save (hand-off to the writer)", handOffTimes);
            PipelineLatency.Report(output, "entry's wait: OpenTradePersistence.RecordAsync (the outbox: committed before Order/place)", outboxTimes);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void Time(LongHistogram histogram, Action save)
    {
        var start = Stopwatch.GetTimestamp();
        save();
        histogram.RecordValue((long)Stopwatch.GetElapsedTime(start).TotalNanoseconds);
    }
}
