namespace GoldBot.GatewaySimulator.Engine;

/// <summary>An open position (<c>PositionModel</c>, research/topstepx-api.md §8.1). Immutable snapshot.</summary>
/// <param name="Id">Position id; a new id after the position was flat or reversed.</param>
/// <param name="AccountId">Owning account.</param>
/// <param name="ContractId">ProjectX contract id.</param>
/// <param name="ContractDisplayName">Contract name, e.g. <c>MGCG6</c> (swagger extra).</param>
/// <param name="CreationTimestamp">Market time (UTC) of the opening fill.</param>
/// <param name="Type">Long or Short; Undefined only in the closing announcement.</param>
/// <param name="Size">Contracts, always positive (0 only in the closing announcement).</param>
/// <param name="AveragePrice">Volume-weighted entry price, in points.</param>
public sealed record SimPosition(long Id, int AccountId, string ContractId, string ContractDisplayName, DateTimeOffset CreationTimestamp, PositionType Type, int Size, decimal AveragePrice)
{
    /// <summary>Signed size: positive long, negative short.</summary>
    public int SignedSize => Type == PositionType.Short ? -Size : Size;
}
