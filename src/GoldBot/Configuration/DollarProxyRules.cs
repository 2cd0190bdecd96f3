using GoldBot.Strategy;

namespace GoldBot.Configuration;

/// <summary>
/// The rules between <c>Strategy:DollarFilter</c>'s proxy keys and the run mode (issue 12 §3): with the filter on, the gateway
/// modes need <c>ProxySymbol</c> (without it the filter would silently block nothing), and a Euro FX proxy (6E, M6E, ProjectX
/// root EU6) quotes USD per EUR, so it is the dollar only with <c>Invert: true</c>.
/// </summary>
public static class DollarProxyRules
{
    private static readonly string[] EuroRoots = ["6E", "M6E", "EU6", "F.US.EU6", "F.US.M6E"];

    /// <summary>Every violation, one line each naming its key; empty when the keys agree.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="settings"/> is null.</exception>
    public static IEnumerable<string> Check(GoldBotSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var filter = settings.Strategy.DollarFilter;
        if (filter.Mode == DollarFilterMode.Off)
            yield break;
        var symbol = filter.ProxySymbol?.Trim();
        if (settings.Mode != RunMode.Replay && string.IsNullOrEmpty(symbol))
            yield return $"Strategy:DollarFilter:ProxySymbol is required with Strategy:DollarFilter:Mode {filter.Mode} in Mode {settings.Mode} (e.g. 6E with Invert true): without a proxy feed the filter blocks nothing";
        if (!string.IsNullOrEmpty(symbol) && EuroRoots.Contains(symbol, StringComparer.OrdinalIgnoreCase) && !filter.Invert)
            yield return $"Strategy:DollarFilter:Invert must be true for ProxySymbol {symbol}: Euro FX quotes USD per EUR, the dollar's inverse";
    }
}
