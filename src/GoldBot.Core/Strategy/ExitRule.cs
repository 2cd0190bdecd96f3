namespace GoldBot.Strategy;

/// <summary>
/// How a trade leaves the market once its entry has filled (<c>Strategy:ExitProfile</c>; issue 12 §2, after
/// <c>design/000</c> "Take Profit Settings" and <c>design/004</c> phase 4):
/// <list type="bullet">
/// <item><c>fixed_r</c> (the default): 50 % at 1R, 40 % at 2R, 10 % at <c>Risk:RunnerTargetR</c>; the stop goes to the entry
/// price once the first target fills.</item>
/// <item><c>atr_trail</c>: 50 % at <see cref="FirstTargetTicks"/> (<c>Strategy:FirstTargetAtr</c> × ATR, 2 by default); the
/// rest has no target and, once the first target has filled, a chandelier stop (Chuck LeBeau's: the highest high since the
/// entry, for a long, less <see cref="TrailTicks"/>, <c>Strategy:TrailAtr</c> × ATR, 3 by default), which only ever
/// tightens and never sits below the entry price.</item>
/// <item><c>structure</c>: the <c>fixed_r</c> targets, plus a market exit as soon as an entry-time-frame bar closes beyond
/// the zone's far edge (<see cref="TradeSignal.FarEdge"/>): the setup is invalidated, the stop is not waited for.</item>
/// </list>
/// ATR is the entry time frame's ATR(14, Wilder) at the signal, fixed for the life of the trade.
/// </summary>
/// <param name="Profile">The profile.</param>
/// <param name="FirstTargetTicks"><c>atr_trail</c>: distance of the first target from the entry, ticks; 0 otherwise.</param>
/// <param name="TrailTicks"><c>atr_trail</c>: distance of the trailing stop from the best price since the entry, ticks; 0 otherwise.</param>
public sealed record ExitRule(ExitProfile Profile, int FirstTargetTicks, int TrailTicks)
{
    /// <summary>The default profile, <c>fixed_r</c>, which needs no bar-by-bar management.</summary>
    public static ExitRule FixedR { get; } = new(ExitProfile.FixedR, 0, 0);

    /// <summary><c>structure</c>, which needs no distances.</summary>
    public static ExitRule Structure { get; } = new(ExitProfile.Structure, 0, 0);

    /// <summary>The configuration names of the profiles, in <see cref="ExitProfile"/> order.</summary>
    public static IReadOnlyList<string> Names { get; } = ["fixed_r", "atr_trail", "structure"];

    /// <summary>The profile named <paramref name="name"/> (<see cref="Names"/>).</summary>
    /// <exception cref="ArgumentException">An unknown name.</exception>
    public static ExitProfile Parse(string name)
    {
        for (var i = 0; i < Names.Count; i++)
        {
            if (Names[i] == name)
                return (ExitProfile)i;
        }
        throw new ArgumentException($"'{name}' is not an exit profile ({string.Join(", ", Names)})", nameof(name));
    }

    /// <summary>The profile's configuration name, e.g. <c>atr_trail</c>.</summary>
    public string Name => Names[(int)Profile];
}

/// <summary>The exit profiles of <see cref="ExitRule"/>.</summary>
public enum ExitProfile
{
    /// <summary><c>fixed_r</c>: targets at 1R, 2R and the runner's R; breakeven after the first.</summary>
    FixedR,

    /// <summary><c>atr_trail</c>: half at a multiple of ATR, the rest under a chandelier trailing stop.</summary>
    AtrTrail,

    /// <summary><c>structure</c>: <c>fixed_r</c>'s targets and an exit on a close beyond the zone.</summary>
    Structure,
}
