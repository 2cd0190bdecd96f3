using GoldBot.Market;

namespace GoldBot.Intermarket;

/// <summary>
/// Where the dollar filter's proxy comes from in this run, registered by the mode's start-up (a replay's
/// <c>Strategy:DollarFilter:ProxyBarsFile</c>, or the gateway modes' proxy contract); <see cref="DollarFilterGate"/> reads it.
/// </summary>
/// <param name="Name">For status.json: the file name, or the symbol and the ProjectX contract id (<c>6E CON.F.US.EU6.H26</c>).</param>
/// <param name="Bars">Replay: the file's closed bars in time order (open times UTC, the proxy's own price units); null when a feed calls <see cref="DollarFilterGate.OnProxyBar"/>.</param>
/// <param name="Period">Length of the proxy bars.</param>
public sealed record DollarProxy(string Name, IReadOnlyList<Bar>? Bars, TimeSpan Period);
