using System.Text.Json.Serialization;
using GoldBot.GatewaySimulator.Engine;

namespace GoldBot.GatewaySimulator.Api;

/// <summary><c>OrderModel</c> with the swagger extras, which are left out when null as in the live capture (research/topstepx-api.md §7.4).</summary>
public sealed record OrderModel(
    long Id, int AccountId, string ContractId, string SymbolId, DateTimeOffset CreationTimestamp, DateTimeOffset UpdateTimestamp,
    int Status, int Type, int Side, int Size, decimal? LimitPrice, decimal? StopPrice, int FillVolume, decimal? FilledPrice, string? CustomTag,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? TrailDistance,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? TrailPrice,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? ParentOrderId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? LinkedOrderId)
{
    /// <summary>Maps an engine order; a trailing stop reads back its distance in price as <c>trailPrice</c>.</summary>
    public static OrderModel From(SimOrder o) => new(o.Id, o.AccountId, o.ContractId, o.SymbolId, o.CreationTimestamp, o.UpdateTimestamp,
        (int)o.Status, (int)o.Type, (int)o.Side, o.Size, o.LimitPrice, o.StopPrice, o.FillVolume, o.FilledPrice, o.CustomTag,
        o.TrailDistance, o.TrailPrice, o.ParentOrderId, o.LinkedOrderId);
}
