namespace GoldBot.Strategy;

/// <summary>
/// How a signal is entered (<c>Strategy:EntryMode</c>; issue 12 §2 and <c>design/000</c>, "Mode A / Mode B"):
/// <list type="bullet">
/// <item><c>market</c> (Mode A, the default): a market order at the next open after the close of the bar that touched the zone.</item>
/// <item><c>limit</c> (Mode B): when an order block, breaker block or fair value gap forms, a limit order rests at its near
/// edge (<see cref="LimitPrice"/>: a long's block top, a short's bottom) while it is fresh; it is cancelled when an
/// entry-time-frame bar closes beyond the zone's far edge (invalidation), at <see cref="TradeSignal"/> time +
/// <see cref="WorksFor"/> (<c>Strategy:LimitExpiryBars</c> entry bars), at the end of the entry window and by any flatten.
/// Contracts filled before a cancel are traded and protected from the first one. Sweeps and OTE, which are judged on the
/// touch itself, are always entered at market.</item>
/// </list>
/// </summary>
/// <param name="Limit">True for Mode B.</param>
/// <param name="LimitPrice">Mode B: the limit price, points; 0 for a market entry.</param>
/// <param name="WorksFor">Mode B: how long the limit works after the signal; zero for a market entry.</param>
public sealed record EntryRule(bool Limit, decimal LimitPrice, TimeSpan WorksFor)
{
    /// <summary>Mode A: a market order.</summary>
    public static EntryRule Market { get; } = new(false, 0, TimeSpan.Zero);

    /// <summary>The configuration names of the modes: <c>market</c> (Mode A) and <c>limit</c> (Mode B).</summary>
    public static IReadOnlyList<string> Names { get; } = ["market", "limit"];

    /// <summary>The mode's configuration name.</summary>
    public string Name => Limit ? "limit" : "market";
}
