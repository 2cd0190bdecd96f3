namespace GoldBot.Smc;

/// <summary>
/// Parameters of the causal <see cref="SmcEngine"/>. Lengths are in bars of the engine's time
/// frame, sizes in ticks. Defaults follow the GoldBot plan (<c>design/000</c>: 20-tick
/// displacement, 1.5× volume over 20 bars, 50-bar order-block age) and LuxAlgo's two structure
/// levels (internal and swing).
/// </summary>
public sealed record SmcOptions
{
    /// <summary>Swing length n of internal (minor) structure: a swing needs n−1 bars before and n after.</summary>
    public int InternalSwingLength { get; init; } = 3;

    /// <summary>Swing length n of swing (major) structure.</summary>
    public int SwingLength { get; init; } = 10;

    /// <summary>Displacement, in ticks, that earns the full displacement score.</summary>
    public long MinDisplacementTicks { get; init; } = 20;

    /// <summary>Peak-volume multiple of the average that earns the full volume score.</summary>
    public double VolumeRatio { get; init; } = 1.5;

    /// <summary>Bars in the volume average used by the score.</summary>
    public int VolumeLookback { get; init; } = 20;

    /// <summary>Bars after which an untouched order block expires.</summary>
    public int MaxOrderBlockAge { get; init; } = 50;

    /// <summary>Minimum fair value gap, in ticks (1 keeps every gap).</summary>
    public long MinFairValueGapTicks { get; init; } = 2;

    /// <summary>Largest distance, in ticks, between swing levels that count as equal highs or lows.</summary>
    public long EqualLevelToleranceTicks { get; init; } = 3;

    /// <summary>Most order and breaker blocks tracked at once; the oldest is dropped beyond it.</summary>
    public int MaxActiveZones { get; init; } = 64;

    /// <summary>Most fair value gaps tracked at once; the oldest is dropped beyond it.</summary>
    public int MaxActiveGaps { get; init; } = 64;

    /// <summary>Most liquidity candidates (swings and pools) tracked per side.</summary>
    public int MaxLiquidityLevels { get; init; } = 32;

    /// <summary>Bars kept for looking back over a leg; legs longer than this are searched over their last part only.</summary>
    public int HistoryCapacity { get; init; } = 1024;

    /// <summary>Lower bound of the optimal trade entry (OTE) band as a retracement fraction (0.62).</summary>
    public double OteStart { get; init; } = 0.62;

    /// <summary>Upper bound of the OTE band as a retracement fraction (0.79).</summary>
    public double OteEnd { get; init; } = 0.79;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid value.</summary>
    public void Validate()
    {
        if (InternalSwingLength < 1) throw new ArgumentException($"{nameof(InternalSwingLength)} must be ≥ 1");
        if (SwingLength < 1) throw new ArgumentException($"{nameof(SwingLength)} must be ≥ 1");
        if (VolumeLookback < 1) throw new ArgumentException($"{nameof(VolumeLookback)} must be ≥ 1");
        if (MaxActiveZones < 1 || MaxActiveGaps < 1 || MaxLiquidityLevels < 2) throw new ArgumentException("zone capacities must be positive");
        if (HistoryCapacity < 4 * Math.Max(SwingLength, InternalSwingLength)) throw new ArgumentException($"{nameof(HistoryCapacity)} must be at least 4× the longest swing length");
        if (OteStart is <= 0 or >= 1 || OteEnd <= OteStart || OteEnd >= 1) throw new ArgumentException("OTE band must satisfy 0 < start < end < 1");
    }
}
