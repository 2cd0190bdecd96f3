namespace GoldBot.GatewaySimulator.Market;

/// <summary>
/// The market hub's quote state of one contract (<c>GatewayQuote</c>, research/topstepx-api.md §9.2).
/// The simulator quotes a one-tick market: best bid = last price, best ask = last + one tick.
/// </summary>
/// <param name="ContractId">ProjectX contract id.</param>
/// <param name="SymbolId">ProjectX symbol id (the quote's <c>symbol</c>).</param>
/// <param name="LastPrice">Last trade price (points).</param>
/// <param name="BestBid">Best bid (points).</param>
/// <param name="BestAsk">Best ask (points).</param>
/// <param name="Change">Last price minus the previous trading day's last price (points).</param>
/// <param name="ChangePercent">Change in percent of the previous trading day's last price.</param>
/// <param name="Open">Trading day open (points).</param>
/// <param name="High">Trading day high (points).</param>
/// <param name="Low">Trading day low (points).</param>
/// <param name="Volume">Trading day volume so far (contracts; a session total, not a trade size).</param>
/// <param name="Timestamp">Market time (UTC) of the last trade.</param>
public sealed record Quote(string ContractId, string SymbolId, decimal LastPrice, decimal BestBid, decimal BestAsk, decimal Change, decimal ChangePercent,
    decimal Open, decimal High, decimal Low, long Volume, DateTimeOffset Timestamp);
