using GoldBot.Indicators;
using GoldBot.Market;
using GoldBot.Strategy;

namespace GoldBot.Backtesting.Baselines;

/// <summary>
/// Baseline signal source: entries at random. At each closed entry-time-frame bar it signals with
/// probability <c>p</c>, long or short with equal odds, with a stop distance drawn from a given
/// sample (the strategy's own stop distances, so the risk per trade matches). A seeded
/// <see cref="Random"/> makes a run repeatable. If the strategy's edge is real it should beat this
/// source, which trades the same sizes, stops, targets and account rules without any information.
/// </summary>
public sealed class RandomEntrySignals : ISignalSource
{
    /// <summary>Pattern name on the signals and trades.</summary>
    public const string Pattern = "random_entry";

    private readonly BarAggregator _entryBars;
    private readonly TimeSpan _entryPeriod;
    private readonly AverageTrueRange _atr = new(14);
    private readonly Bar[] _completed = new Bar[2];
    private readonly double _probability;
    private readonly int[] _stopTicks;
    private readonly decimal _tickSize;
    private readonly Random _random;

    /// <summary>Creates the source.</summary>
    /// <param name="contract">The contract (tick size).</param>
    /// <param name="sourcePeriod">Period of the bars fed to <see cref="OnBar"/>.</param>
    /// <param name="entryTimeFrame">Time frame at whose closes entries may happen, e.g. <c>15m</c>.</param>
    /// <param name="probability">Chance of a signal at each entry bar, 0–1.</param>
    /// <param name="stopTicks">Stop distances to draw from, ticks, each ≥ 1; at least one.</param>
    /// <param name="seed">Seed of the random generator.</param>
    /// <exception cref="ArgumentException">A bad probability or stop sample, or a time frame that is not a multiple of the source period.</exception>
    public RandomEntrySignals(ContractSpec contract, TimeSpan sourcePeriod, string entryTimeFrame, double probability, IReadOnlyList<int> stopTicks, int seed)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(stopTicks);
        if (probability is < 0 or > 1 || double.IsNaN(probability))
            throw new ArgumentException($"probability {probability} is not in [0, 1]", nameof(probability));
        if (stopTicks.Count == 0 || stopTicks.Any(t => t < 1))
            throw new ArgumentException("need at least one stop distance, each ≥ 1 tick", nameof(stopTicks));
        var frame = TimeFrame.Parse(entryTimeFrame);
        _entryBars = new BarAggregator(sourcePeriod, frame);
        _entryPeriod = frame.Period;
        _probability = probability;
        _stopTicks = [.. stopTicks];
        _tickSize = contract.TickSize;
        _random = new Random(seed);
    }

    /// <inheritdoc/>
    public void OnBar(in Bar bar, ICollection<TradeSignal> signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        var n = _entryBars.Add(bar, _completed);
        for (var i = 0; i < n; i++)
        {
            ref readonly var entry = ref _completed[i];
            var tick = (double)_tickSize;
            var atr = _atr.Add((double)entry.High / tick, (double)entry.Low / tick, (double)entry.Close / tick) ?? 0;
            if (_random.NextDouble() >= _probability)
                continue;
            var direction = _random.Next(2) == 0 ? 1 : -1;
            var stop = _stopTicks[_random.Next(_stopTicks.Length)];
            signals.Add(BaselineSignal.Create(Pattern, entry.OpenTime + _entryPeriod, direction, entry.Close, stop, atr, null));
        }
    }
}
