namespace GoldBot.TopstepX.Contracts.Wire;

/// <summary>Body of History/retrieveBars (§6; every field is required by the gateway).</summary>
internal sealed record RetrieveBarsRequest(
    string ContractId,
    bool Live,
    DateTimeOffset StartTime,
    DateTimeOffset EndTime,
    BarUnit Unit,
    int UnitNumber,
    int Limit,
    bool IncludePartialBar);

/// <summary>Response of History/retrieveBars (newest first on the wire).</summary>
internal sealed class RetrieveBarsResponse : GatewayResponse
{
    public IReadOnlyList<GatewayBar>? Bars { get; init; }
}
