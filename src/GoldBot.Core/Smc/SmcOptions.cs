namespace GoldBot.Smc;

/// <summary>
/// Parameters of the causal <see cref="SmcEngine"/>. Lengths are in bars of the engine's time
/// frame, sizes in ticks. Defaults follow the GoldBot plan (<c>design/000</c>: 20-tick
/// displacement, 1.5× volume over 20 bars, 50-bar order-block age) and LuxAlgo's two structure
/// levels (internal and swing).
/// </summary>
public sealed record SmcOptions
{
    /// <summary>Most zones, gaps or liquidity levels a tracker may hold (its array is allocated up front).</summary>
    public const int MaxTrackedCapacity = 100_000;

    /// <summary>Largest <see cref="HistoryCapacity"/>, in bars (2^20; the history rounds its capacity up to a power of two).</summary>
    public const int MaxHistoryCapacity = 1 << 20;

    /// <summary>Swing length n of internal (minor) structure: a swing needs n−1 bars before and n after. At least 1 bar.</summary>
    public int InternalSwingLength { get; init; } = 3;

    /// <summary>Swing length n of swing (major) structure. At least 1 bar.</summary>
    public int SwingLength { get; init; } = 10;

    /// <summary>Displacement, in ticks, that earns the full displacement score (half of it earns half). At least 1 tick.</summary>
    public long MinDisplacementTicks { get; init; } = 20;

    /// <summary>
    /// Peak-volume multiple of the average that earns the full volume score; a peak at the average
    /// earns half, so the multiple is finite and at least 1.
    /// </summary>
    public double VolumeRatio { get; init; } = 1.5;

    /// <summary>Bars in the volume average used by the score: 1 to <see cref="HistoryCapacity"/>.</summary>
    public int VolumeLookback { get; init; } = 20;

    /// <summary>Bars after which an untouched order block expires. At least 1 bar.</summary>
    public int MaxOrderBlockAge { get; init; } = 50;

    /// <summary>Minimum fair value gap, in ticks (1 keeps every gap). At least 1 tick.</summary>
    public long MinFairValueGapTicks { get; init; } = 2;

    /// <summary>Largest distance, in ticks, between swing levels that count as equal highs or lows (0 = exactly equal). At least 0.</summary>
    public long EqualLevelToleranceTicks { get; init; } = 3;

    /// <summary>Most order and breaker blocks tracked at once (1 to <see cref="MaxTrackedCapacity"/>); the oldest is dropped beyond it.</summary>
    public int MaxActiveZones { get; init; } = 64;

    /// <summary>Most fair value gaps tracked at once (1 to <see cref="MaxTrackedCapacity"/>); the oldest is dropped beyond it.</summary>
    public int MaxActiveGaps { get; init; } = 64;

    /// <summary>Most liquidity candidates (swings and pools) tracked per side (2 to <see cref="MaxTrackedCapacity"/>: a pool needs two).</summary>
    public int MaxLiquidityLevels { get; init; } = 32;

    /// <summary>
    /// Bars kept for looking back over a leg; legs longer than this are searched over their last
    /// part only. From 4× the longer swing length to <see cref="MaxHistoryCapacity"/>.
    /// </summary>
    public int HistoryCapacity { get; init; } = 1024;

    /// <summary>Lower bound of the optimal trade entry (OTE) band as a retracement fraction (0.62); 0 &lt; start &lt; 1.</summary>
    public double OteStart { get; init; } = 0.62;

    /// <summary>Upper bound of the OTE band as a retracement fraction (0.79); start &lt; end &lt; 1.</summary>
    public double OteEnd { get; init; } = 0.79;

    /// <summary>
    /// Every out-of-range value, one message per problem, each starting with the property's name
    /// and ending with the value found, e.g. <c>MaxOrderBlockAge must be ≥ 1 bar, not 0</c>.
    /// Empty when the options are usable.
    /// </summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (InternalSwingLength < 1)
            problems.Add($"{nameof(InternalSwingLength)} must be ≥ 1 bar, not {InternalSwingLength}");
        if (SwingLength < 1)
            problems.Add($"{nameof(SwingLength)} must be ≥ 1 bar, not {SwingLength}");
        if (MinDisplacementTicks < 1)
            problems.Add($"{nameof(MinDisplacementTicks)} must be ≥ 1 tick, not {MinDisplacementTicks}");
        if (!(double.IsFinite(VolumeRatio) && VolumeRatio >= 1))
            problems.Add($"{nameof(VolumeRatio)} must be a finite multiple ≥ 1 of the average volume, not {VolumeRatio}");
        if (VolumeLookback < 1 || VolumeLookback > HistoryCapacity)
            problems.Add($"{nameof(VolumeLookback)} must be from 1 bar to {nameof(HistoryCapacity)} ({HistoryCapacity}), not {VolumeLookback}");
        if (MaxOrderBlockAge < 1)
            problems.Add($"{nameof(MaxOrderBlockAge)} must be ≥ 1 bar, not {MaxOrderBlockAge}");
        if (MinFairValueGapTicks < 1)
            problems.Add($"{nameof(MinFairValueGapTicks)} must be ≥ 1 tick, not {MinFairValueGapTicks}");
        if (EqualLevelToleranceTicks < 0)
            problems.Add($"{nameof(EqualLevelToleranceTicks)} must be ≥ 0 ticks (0 = exactly equal), not {EqualLevelToleranceTicks}");
        if (MaxActiveZones is < 1 or > MaxTrackedCapacity)
            problems.Add($"{nameof(MaxActiveZones)} must be from 1 to {MaxTrackedCapacity}, not {MaxActiveZones}");
        if (MaxActiveGaps is < 1 or > MaxTrackedCapacity)
            problems.Add($"{nameof(MaxActiveGaps)} must be from 1 to {MaxTrackedCapacity}, not {MaxActiveGaps}");
        if (MaxLiquidityLevels is < 2 or > MaxTrackedCapacity)
            problems.Add($"{nameof(MaxLiquidityLevels)} must be from 2 to {MaxTrackedCapacity} (a pool needs two levels), not {MaxLiquidityLevels}");
        var leastHistory = 4L * Math.Max(Math.Max(SwingLength, InternalSwingLength), 1);
        if (HistoryCapacity < leastHistory || HistoryCapacity > MaxHistoryCapacity)
            problems.Add($"{nameof(HistoryCapacity)} must be from 4× the longer of {nameof(InternalSwingLength)} and {nameof(SwingLength)} ({leastHistory}) to {MaxHistoryCapacity} bars, not {HistoryCapacity}");
        if (!(OteStart > 0 && OteStart < 1))
            problems.Add($"{nameof(OteStart)} must be above 0 and below 1, not {OteStart}");
        if (!(OteEnd > OteStart && OteEnd < 1))
            problems.Add($"{nameof(OteEnd)} must be above {nameof(OteStart)} ({OteStart}) and below 1, not {OteEnd}");
        return problems;
    }

    /// <summary>Checks the options before an engine uses them.</summary>
    /// <exception cref="ArgumentException">Some value is out of range; the message lists every <see cref="Problems"/> entry.</exception>
    public void Validate()
    {
        var problems = Problems();
        if (problems.Count > 0)
            throw new ArgumentException($"invalid SMC options: {string.Join("; ", problems)}");
    }
}
