using System.Text.Json.Serialization;
using GoldBot.GatewaySimulator.Engine;
using GoldBot.Market;

namespace GoldBot.GatewaySimulator.Api;

/// <summary><c>TradingAccountModel</c> (research/topstepx-api.md §4).</summary>
public sealed record AccountModel(int Id, string Name, decimal Balance, bool CanTrade, bool IsVisible, bool Simulated)
{
    /// <summary>Maps an engine account.</summary>
    public static AccountModel From(SimAccount a) => new(a.Id, a.Name, a.Balance, a.CanTrade, a.IsVisible, a.Simulated);
}

/// <summary><c>ContractModel</c> (research/topstepx-api.md §5.1); tick size in points, tick value in USD.</summary>
public sealed record ContractModel(string Id, string Name, string Description, decimal TickSize, decimal TickValue, bool ActiveContract, string SymbolId)
{
    /// <summary>Maps a listed contract.</summary>
    public static ContractModel From(SimContract c) => new(c.Id, c.Name, c.Description, c.Spec.TickSize, c.Spec.TickValue, c.Active, c.SymbolId);
}

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

/// <summary><c>PositionModel</c> (research/topstepx-api.md §8.1): type 1 long, 2 short; size always positive.</summary>
public sealed record PositionModel(long Id, int AccountId, string ContractId, string ContractDisplayName, DateTimeOffset CreationTimestamp, int Type, int Size, decimal AveragePrice)
{
    /// <summary>Maps an engine position.</summary>
    public static PositionModel From(SimPosition p) => new(p.Id, p.AccountId, p.ContractId, p.ContractDisplayName, p.CreationTimestamp, (int)p.Type, p.Size, p.AveragePrice);
}

/// <summary><c>HalfTradeModel</c> (research/topstepx-api.md §8.2) with the swagger's <c>commissions</c>.</summary>
public sealed record TradeModel(long Id, int AccountId, string ContractId, DateTimeOffset CreationTimestamp, decimal Price, decimal? ProfitAndLoss, decimal Fees, decimal Commissions, int Side, int Size, bool Voided, long OrderId)
{
    /// <summary>Maps an engine trade.</summary>
    public static TradeModel From(SimTrade t) => new(t.Id, t.AccountId, t.ContractId, t.CreationTimestamp, t.Price, t.ProfitAndLoss, t.Fees, t.Commissions, (int)t.Side, t.Size, t.Voided, t.OrderId);
}

/// <summary>A bar of <c>History/retrieveBars</c>: <c>t</c> open time (UTC), prices in points, <c>v</c> contracts (research/topstepx-api.md §6).</summary>
public sealed record BarModel(DateTimeOffset T, decimal O, decimal H, decimal L, decimal C, long V)
{
    /// <summary>Maps a bar.</summary>
    public static BarModel From(Bar b) => new(b.OpenTime, b.Open, b.High, b.Low, b.Close, b.Volume);
}
