namespace GoldBot.Analysis;

/// <summary>
/// Maximum drawdown of an equity curve: the largest fall from a running peak to a later
/// trough, in USD (Magdon-Ismail &amp; Atiya, "Maximum drawdown", Risk 2004, definition 1).
/// Feed it equity (balance plus open P&amp;L) once per bar; GoldBot uses each bar's worst price for the position.
/// </summary>
public sealed class DrawdownTracker
{
    private bool _started;

    /// <summary>Highest equity seen, USD.</summary>
    public decimal Peak { get; private set; }

    /// <summary>Largest peak-to-trough fall so far, USD (≥ 0).</summary>
    public decimal MaxDrawdown { get; private set; }

    /// <summary>Adds the next equity sample, USD.</summary>
    public void Add(decimal equity)
    {
        if (!_started || equity > Peak)
        {
            Peak = equity;
            _started = true;
        }
        MaxDrawdown = Math.Max(MaxDrawdown, Peak - equity);
    }
}
