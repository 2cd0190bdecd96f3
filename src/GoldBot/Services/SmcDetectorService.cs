using GoldBot.Monitoring;
using GoldBot.Pipeline;
using GoldBot.Strategy;
using GoldBot.Hosting;
using Microsoft.Extensions.Logging;

namespace GoldBot.Services;

/// <summary>
/// The SMC detector stage: feeds each closed bar to the signal source (the <see cref="OrderBlockStrategy"/>:
/// aggregation, causal SMC engines, signal rules; any <see cref="ISignalSource"/> fits) and passes the
/// bar with its signals to the risk manager. The end of a replay is passed on.
/// </summary>
public sealed class SmcDetectorService(ISignalSource strategy, PipelineChannels channels, RunCoordinator coordinator, ILogger<SmcDetectorService> logger,
    MonitoringState? monitoring = null, OrderBlockStrategy? orderBlocks = null)
    : PipelineService(coordinator, logger)
{
    private static double? Round(double? value) => value is { } v ? Math.Round(v, 3) : null;

    private readonly List<TradeSignal> _signals = [];

    /// <inheritdoc/>
    protected override async Task RunAsync(CancellationToken stoppingToken)
    {
        await foreach (var input in channels.Detector.ReadAllAsync(stoppingToken))
        {
            switch (input)
            {
                case BarClosed closed:
                    _signals.Clear();
                    strategy.OnBar(closed.Bar.Bar, _signals);
                    // The regime comes from the order-block strategy, also when a filter wraps it (the dollar filter's gate).
                    if ((orderBlocks ?? strategy as OrderBlockStrategy) is { Regime: var r })
                        monitoring?.SetRegime(new MarketRegimeStatus(Analysis.MarketRegimeClassifier.Name(r.Regime), Round(r.Adx), Round(r.EmaSlope), Round(r.AtrPercentile), Round(r.BandwidthPercentile)));
                    await channels.Risk.WriteAsync(new BarEvaluated(closed.Bar, _signals.Count == 0 ? [] : [.. _signals]), stoppingToken);
                    break;
                case EndOfData:
                    await channels.Risk.WriteAsync(new ReplayEnded(), stoppingToken);
                    break;
            }
        }
    }
}
