using GoldBot.Backtesting.Report;
using GoldBot.Market;
using GoldBot.Smc;
using GoldBot.Strategy;

namespace GoldBot.Backtesting.Run;

/// <summary>
/// The order blocks the strategy sees, as chart zones: the source bars are aggregated to the
/// strategy's entry time frame (<see cref="BarAggregator"/>, as <see cref="OrderBlockStrategy"/> does)
/// and fed to a causal <see cref="SmcEngine"/> with <see cref="StrategyOptions.Entry"/>. A zone spans
/// from the close of the bar that formed the block (<see cref="SmcEventKind.OrderBlockFormed"/>) to
/// the close of the bar that mitigated (traded through its midpoint), invalidated or expired it, or
/// to the end of the data while still live. Only blocks scoring at least
/// <see cref="StrategyOptions.MinScore"/> are kept (the ones the strategy may trade), and of those
/// the most recent <c>maxZones</c> by formation time, so a long run does not bury the chart.
/// </summary>
public static class OrderBlockZones
{
    /// <summary>Collects the zones of <paramref name="bars"/> (prices in quote units, times UTC).</summary>
    /// <param name="maxZones">Most zones returned (≥ 0).</param>
    /// <exception cref="ArgumentException">The entry time frame is not a multiple of <paramref name="barPeriod"/>.</exception>
    /// <exception cref="FormatException">The entry time frame does not parse.</exception>
    public static IReadOnlyList<ReportZone> Of(IReadOnlyList<Bar> bars, TimeSpan barPeriod, StrategyOptions strategy, ContractSpec contract, int maxZones)
    {
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentNullException.ThrowIfNull(strategy);
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentOutOfRangeException.ThrowIfNegative(maxZones);
        var frame = TimeFrame.Parse(strategy.EntryTimeFrame);
        var aggregator = new BarAggregator(barPeriod, frame);
        var engine = new SmcEngine(strategy.Entry, frame.Period);
        var completed = new Bar[2];
        var open = new Dictionary<int, ReportZone>();
        var zones = new List<ReportZone>();

        void Feed(in Bar entryBar)
        {
            foreach (ref readonly var e in engine.OnBar(TickBar.FromBar(entryBar, contract.TickSize)))
            {
                switch (e.Kind)
                {
                    case SmcEventKind.OrderBlockFormed when e.Score.Total >= strategy.MinScore:
                        open[e.Id] = new ReportZone(e.KnownTime, e.KnownTime, contract.ToPrice(e.Top), contract.ToPrice(e.Bottom), e.Direction > 0,
                            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"OB{(e.Direction > 0 ? '+' : '-')} {e.Score.Total}"));
                        break;
                    case SmcEventKind.OrderBlockMitigated or SmcEventKind.OrderBlockInvalidated or SmcEventKind.OrderBlockExpired
                        when open.Remove(e.Id, out var zone):
                        zones.Add(zone with { To = e.KnownTime });
                        break;
                }
            }
        }

        foreach (var bar in bars)
        {
            var n = aggregator.Add(bar, completed);
            for (var i = 0; i < n; i++)
                Feed(completed[i]);
        }
        if (aggregator.TryFlush(out var partial))
            Feed(partial);

        var end = bars.Count > 0 ? bars[^1].OpenTime + barPeriod : DateTimeOffset.MinValue;
        foreach (var zone in open.Values)
            zones.Add(zone with { To = end });
        return zones.OrderBy(z => z.From).ThenBy(z => z.Top).Skip(Math.Max(0, zones.Count - maxZones)).ToList();
    }
}
