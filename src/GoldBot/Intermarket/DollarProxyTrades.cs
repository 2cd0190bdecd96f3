using GoldBot.MarketData;

namespace GoldBot.Intermarket;

/// <summary>
/// The proxy contract's live feed in the gateway modes: the market hub pump routes trade prints of <paramref name="ContractId"/> to
/// <paramref name="Bars"/> (and marks a gap there when the hub is lost); <see cref="DollarProxyFeedService"/> reads its closed bars.
/// </summary>
/// <param name="Name">For logs and status.json: the configured symbol and the contract id, e.g. <c>6E CON.F.US.EU6.H26</c>.</param>
/// <param name="ContractId">ProjectX contract id of the proxy, as resolved at start.</param>
/// <param name="Bars">Closed bars of <c>TopstepX:BarTimeFrame</c> cut from the proxy's prints by their exchange timestamps.</param>
public sealed record DollarProxyTrades(string Name, string ContractId, TradeStreamBarSource Bars);
