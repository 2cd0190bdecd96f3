namespace GoldBot.TopstepX.Contracts.Wire;

/// <summary>Body of Position/closeContract (§8.1; closes the whole position at market).</summary>
internal sealed record CloseContractRequest(long AccountId, string ContractId);

/// <summary>Body of Position/partialCloseContract (§8.1).</summary>
internal sealed record PartialCloseContractRequest(long AccountId, string ContractId, int Size);

/// <summary>Response of Position/searchOpen.</summary>
internal sealed class PositionSearchResponse : GatewayResponse
{
    public IReadOnlyList<GatewayPosition>? Positions { get; init; }
}
