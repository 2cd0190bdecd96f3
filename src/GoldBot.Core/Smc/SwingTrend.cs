namespace GoldBot.Smc;

/// <summary>
/// The trend of the swing (major) structure alone: what <see cref="SmcEngine.Trend"/> gives for
/// <see cref="StructureScope.Swing"/>, bar for bar, from the same swing detector and break rule, without the zones,
/// internal structure, liquidity and events that engine also tracks. For a time frame read only for its trend (the
/// strategy's trend frame): +1 after a close above the last unbroken swing high, −1 after a close below the last
/// unbroken swing low, 0 before either (<c>docs/smc.md</c>). Allocation-free per bar.
/// </summary>
public sealed class SwingTrend
{
    private readonly BarHistory _history;
    private readonly SwingDetector _swings;
    private readonly StructureTracker _structure = new(StructureScope.Swing);
    private readonly StructureBreak[] _breaks = new StructureBreak[2];

    /// <summary>Creates the tracker with the swing length and history of <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentException">An option is out of range (see <see cref="SmcOptions.Validate"/>).</exception>
    public SwingTrend(SmcOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _history = new BarHistory(options.HistoryCapacity);
        _swings = new SwingDetector(options.SwingLength);
    }

    /// <summary>+1, −1 or 0 after the last bar (see the class summary).</summary>
    public sbyte Trend => _structure.Trend;

    /// <summary>Processes one closed bar (prices in ticks), in the order <see cref="SmcEngine.OnBar"/> does: a swing it confirms, then a break.</summary>
    public void OnBar(in TickBar bar)
    {
        _history.Add(bar);
        if (_swings.TryConfirm(_history, bar, out var swing))
            _structure.OnSwing(swing);
        _structure.CheckBreaks(bar, _breaks);
    }
}
