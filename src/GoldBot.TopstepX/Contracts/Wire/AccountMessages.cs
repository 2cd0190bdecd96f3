namespace GoldBot.TopstepX.Contracts.Wire;

/// <summary>Body of Account/search (§4).</summary>
internal sealed record AccountSearchRequest(bool OnlyActiveAccounts);

/// <summary>Response of Account/search.</summary>
internal sealed class AccountSearchResponse : GatewayResponse
{
    public IReadOnlyList<TradingAccount>? Accounts { get; init; }
}
