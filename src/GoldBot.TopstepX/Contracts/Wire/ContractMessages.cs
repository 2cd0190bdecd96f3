namespace GoldBot.TopstepX.Contracts.Wire;

/// <summary>Body of Contract/search (§5.1; at most 20 results, no paging).</summary>
internal sealed record ContractSearchRequest(string SearchText, bool Live);

/// <summary>Body of Contract/searchById.</summary>
internal sealed record ContractSearchByIdRequest(string ContractId);

/// <summary>Body of Contract/available.</summary>
internal sealed record ContractAvailableRequest(bool Live);

/// <summary>Response of the contract endpoints: a list, or one <c>contract</c> (newer searchById docs); both are read.</summary>
internal sealed class ContractResponse : GatewayResponse
{
    public IReadOnlyList<GatewayContract>? Contracts { get; init; }

    public GatewayContract? Contract { get; init; }
}
