namespace GoldBot.TopstepX.Contracts.Wire;

/// <summary>Response of Trade/search (§8.2).</summary>
internal sealed class TradeSearchResponse : GatewayResponse
{
    public IReadOnlyList<HalfTrade>? Trades { get; init; }
}
