namespace GoldBot.TopstepX.Contracts;

/// <summary>A trade printed on the market (market hub <c>GatewayTrade</c>, §9.2; arrives in arrays).</summary>
public sealed record MarketTrade
{
    /// <summary>Product id, e.g. <c>F.US.MES</c>.</summary>
    public string? SymbolId { get; init; }

    /// <summary>Contract id (undocumented field seen live).</summary>
    public string? ContractId { get; init; }

    /// <summary>Trade price, points.</summary>
    public decimal Price { get; init; }

    /// <summary>Trade time, UTC.</summary>
    public DateTimeOffset Timestamp { get; init; }

    /// <summary>Aggressor side.</summary>
    public TradeLogType Type { get; init; }

    /// <summary>Trade size, contracts.</summary>
    public long Volume { get; init; }
}
