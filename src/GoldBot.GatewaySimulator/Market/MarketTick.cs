namespace GoldBot.GatewaySimulator.Market;

/// <summary>One synthesized trade of the replayed market.</summary>
/// <param name="ContractId">ProjectX contract id.</param>
/// <param name="Time">Market time (UTC): bar open + step × period / 4.</param>
/// <param name="Price">Trade price, in points.</param>
/// <param name="Volume">Contracts: a quarter of the bar volume (the close carries the remainder).</param>
/// <param name="Gap">True for a bar's open (no trading since the previous close).</param>
/// <param name="Aggressor">0 buy, 1 sell (<c>TradeLogType</c>): buy when the price rose from the previous trade.</param>
public sealed record MarketTick(string ContractId, DateTimeOffset Time, decimal Price, long Volume, bool Gap, int Aggressor);
