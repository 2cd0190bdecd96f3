using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using GoldBot.Configuration;
using GoldBot.Execution;
using GoldBot.Hosting;
using GoldBot.Market;
using GoldBot.MarketData;
using GoldBot.Pipeline;
using GoldBot.Strategy;
using GoldBot.Time;
using HdrHistogram;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GoldBot.Benchmarks;

/// <summary>
/// In-process latency of the daemon's two paths that decide how fast an order leaves, measured on the real host (its
/// channels and six services, the real strategy, risk manager and order executor) with HdrHistogram:
/// <list type="bullet">
/// <item>bar close → entry order: from the moment the market-data source hands a closed bar to the feed to the moment the
/// executor calls <see cref="IBroker.PlaceAsync"/> for the entry it decided on that bar;</item>
/// <item>fill event → stop order: from the moment the broker publishes the entry's fill to the executor's inbox to the
/// moment the executor calls <see cref="IBroker.PlaceAsync"/> for the stop.</item>
/// </list>
/// The exchange is the simulated broker, driven by this harness outside the measured paths (the open's fills, then the rest
/// of the bar, then the bar's close to the feed), as the gateway's events and the bar builder are live. Every bar of the real
/// MGC file is played; after the real strategy a signal is added to every bar (a long, 10-tick stop), so the risk manager
/// approves an entry whenever the account is flat in its window (here 00:00–15:00 CT). The first fifth of the bars warm up the JIT and are not counted.
/// Run with <c>dotnet run -c Release --project tests/GoldBot.Benchmarks -- latency</c>.
/// </summary>
internal static class PipelineLatency
{
    public static async Task RunAsync(TextWriter output)
    {
        var file = BenchmarkData.MgcFile();
        var folder = Directory.CreateTempSubdirectory("goldbot-latency-").FullName;
        var settings = SettingsLoader.Load(BenchmarkData.Repository("config/appsettings.json"), new Dictionary<string, string?>
        {
            ["Monitoring:LogDirectory"] = folder,
            ["Monitoring:ConsoleLevel"] = "Fatal",
            // Entries from midnight to 15:00 CT, no halt after losses: the benchmark wants an entry whenever the account is flat.
            ["Risk:TradingWindowStart"] = "00:00",
            ["Risk:MaxConsecutiveLosses"] = "100",
            ["Risk:DailyLossLimit"] = "1000000",
            ["Risk:MaxLossLimit"] = "1000000",
        });
        var clock = new ReplayClock(file.Bars[0].OpenTime);
        var source = new HandedBars(file.Period);
        var bar = new LatencyProbe();
        var fill = new LatencyProbe();
        SimulatedBroker? exchange = null;
        var boundaries = new DaemonBoundaries($"latency-{Guid.NewGuid():N}"[..16], clock, source, (_, sink) =>
        {
            exchange = new SimulatedBroker(settings.Contract(), settings.Execution, settings.Risk.StartingBalance, file.Period, new TimedSink(sink, fill), clock);
            return new TimedBroker(exchange, bar, fill);
        });
        using var host = DaemonHost.Build(settings, boundaries, services =>
            services.AddSingleton<ISignalSource>(sp => new EverBarLong(sp.GetRequiredService<OrderBlockStrategy>(), settings.Contract())));
        await host.StartAsync();
        var work = host.Services.GetRequiredService<PipelineChannels>().Work;
        _ = host.Services.GetRequiredService<IBroker>();

        var warmUp = file.Bars.Count / 5;
        for (var i = 0; i < file.Bars.Count; i++)
        {
            bar.Counting = fill.Counting = i >= warmUp;
            var b = file.Bars[i];
            await exchange!.OnBarOpenAsync(b, CancellationToken.None);
            await work.WhenIdleAsync(CancellationToken.None);
            await exchange.OnBarAsync(b, CancellationToken.None);
            await work.WhenIdleAsync(CancellationToken.None);
            bar.Start();
            await source.HandAsync(b);
            await work.WhenIdleAsync(CancellationToken.None);
        }
        source.Complete();
        await host.StopAsync();

        await output.WriteLineAsync($"{file.Bars.Count - warmUp} bars of {file.Path} after {warmUp} warm-up bars; {Environment.ProcessorCount} cores, {RuntimeInformationText()}");
        Report(output, "bar close -> entry order", bar.Histogram);
        Report(output, "fill event -> stop order", fill.Histogram);
    }

    internal static string RuntimeInformationText() => $".NET {Environment.Version}, {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC";

    internal static void Report(TextWriter output, string path, LongHistogram histogram)
    {
        static string Us(long ns) => (ns / 1000.0).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
        output.WriteLine($"{path}: {histogram.TotalCount} samples, p50 {Us(histogram.GetValueAtPercentile(50))} us, p90 {Us(histogram.GetValueAtPercentile(90))} us, " +
            $"p99 {Us(histogram.GetValueAtPercentile(99))} us, p99.9 {Us(histogram.GetValueAtPercentile(99.9))} us, max {Us(histogram.GetMaxValue())} us");
    }

    /// <summary>One measured path: a start stamp, and the elapsed time recorded (nanoseconds) when the path's end is reached.</summary>
    private sealed class LatencyProbe
    {
        private long _start;

        public LongHistogram Histogram { get; } = new(TimeSpan.FromSeconds(10).Ticks * 100, 3);

        public bool Counting { get; set; }

        public void Start() => Volatile.Write(ref _start, Stopwatch.GetTimestamp());

        public void Stop()
        {
            var start = Interlocked.Exchange(ref _start, 0);
            if (start == 0 || !Counting)
                return;
            Histogram.RecordValue((long)(Stopwatch.GetElapsedTime(start).Ticks * 100));
        }
    }

    /// <summary>Closed bars handed over one at a time, as the live bar builder hands them to the feed.</summary>
    private sealed class HandedBars(TimeSpan period) : IMarketDataSource
    {
        private readonly Channel<Bar> _bars = Channel.CreateUnbounded<Bar>(new UnboundedChannelOptions { SingleReader = true });
        private readonly SemaphoreSlim _taken = new(0);

        public TimeSpan Period => period;

        public bool IsReplay => false;

        public string Description => "bars handed over by the latency harness";

        /// <summary>Hands <paramref name="bar"/> over and waits until the feed has taken it and finished with it.</summary>
        public async Task HandAsync(Bar bar)
        {
            await _bars.Writer.WriteAsync(bar);
            await _taken.WaitAsync();
        }

        public void Complete() => _bars.Writer.TryComplete();

        public async IAsyncEnumerable<Bar> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await foreach (var bar in _bars.Reader.ReadAllAsync(cancellationToken))
            {
                yield return bar;
                // The feed asks for the next bar once it has published this one.
                _taken.Release();
            }
        }
    }

    /// <summary>The real strategy, then a long on every bar (10-tick stop) so that every flat bar brings an entry.</summary>
    private sealed class EverBarLong(OrderBlockStrategy strategy, ContractSpec contract) : ISignalSource
    {
        private static readonly MarketConditions Conditions = new("new_york", 25, 1.0, "10:00", "discount");

        public void OnBar(in Bar bar, ICollection<TradeSignal> signals)
        {
            strategy.OnBar(bar, signals);
            signals.Add(new TradeSignal(bar.OpenTime + TimeSpan.FromMinutes(3), "order_block", +1, 8, new Smc.OrderBlockScore(2, 2, 2, 1, 1),
                bar.Close + contract.TickSize, bar.Close - contract.TickSize, bar.Close, 10, +1, Conditions, null));
        }
    }

    /// <summary>The executor's inbox: the entry's fill starts the fill → stop probe as it is published.</summary>
    private sealed class TimedSink(IBrokerEventSink inner, LatencyProbe fill) : IBrokerEventSink
    {
        public ValueTask PublishAsync(IReadOnlyList<BrokerEvent> events, CancellationToken cancellationToken)
        {
            if (events.Any(e => e is OrderFilled f && IsEntry(f.Tag)))
                fill.Start();
            return inner.PublishAsync(events, cancellationToken);
        }
    }

    /// <summary>The broker the executor calls: an entry ends the bar probe, a first stop the fill probe.</summary>
    private sealed class TimedBroker(IBroker inner, LatencyProbe bar, LatencyProbe fill) : IBroker
    {
        public ValueTask<OrderAck> PlaceAsync(OrderRequest request, CancellationToken cancellationToken)
        {
            if (IsEntry(request.Tag))
                bar.Stop();
            else if (request.Tag.EndsWith("-stop", StringComparison.Ordinal))
                fill.Stop();
            return inner.PlaceAsync(request, cancellationToken);
        }

        public ValueTask<OrderAck> ModifyAsync(OrderChange change, CancellationToken cancellationToken) => inner.ModifyAsync(change, cancellationToken);

        public ValueTask<OrderAck> CancelAsync(long orderId, CancellationToken cancellationToken) => inner.CancelAsync(orderId, cancellationToken);

        public ValueTask<OrderAck> ClosePositionAsync(string tag, CancellationToken cancellationToken) => inner.ClosePositionAsync(tag, cancellationToken);

        public ValueTask<AccountSnapshot> GetAccountAsync(CancellationToken cancellationToken) => inner.GetAccountAsync(cancellationToken);

        public ValueTask<OrderLookup?> FindOrderAsync(string tag, CancellationToken cancellationToken) => inner.FindOrderAsync(tag, cancellationToken);
    }

    /// <summary>Entry tags are <c>gbXXXXXXXX-yyyyMMdd-HHmm-N</c>; exits add a suffix.</summary>
    private static bool IsEntry(string tag) => Chaos.AccountInvariants.IsEntryTag(tag);
}
