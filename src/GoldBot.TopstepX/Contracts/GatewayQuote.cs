namespace GoldBot.TopstepX.Contracts;

/// <summary>
/// A market-hub quote (<c>GatewayQuote</c>, §9.2). Every field but <see cref="Symbol"/> is optional:
/// live quotes are partial (fixtures README item 4), so <see cref="Realtime.QuoteBook"/> merges them
/// with the last known values. There are no bid/ask sizes.
/// </summary>
public sealed record GatewayQuote
{
    /// <summary>Product id (<c>F.US.MGC</c>), not the contract id.</summary>
    public string? Symbol { get; init; }

    /// <summary>Documented as unused.</summary>
    public string? SymbolName { get; init; }

    /// <summary>Contract id (undocumented field seen live).</summary>
    public string? Contract { get; init; }

    /// <summary>Last traded price, points.</summary>
    public decimal? LastPrice { get; init; }

    /// <summary>Best bid, points.</summary>
    public decimal? BestBid { get; init; }

    /// <summary>Best ask, points.</summary>
    public decimal? BestAsk { get; init; }

    /// <summary>Change from the settlement, points.</summary>
    public decimal? Change { get; init; }

    /// <summary>Change from the settlement, percent.</summary>
    public decimal? ChangePercent { get; init; }

    /// <summary>Session open, points.</summary>
    public decimal? Open { get; init; }

    /// <summary>Session high, points.</summary>
    public decimal? High { get; init; }

    /// <summary>Session low, points.</summary>
    public decimal? Low { get; init; }

    /// <summary>Session total volume, contracts (not a trade size).</summary>
    public long? Volume { get; init; }

    /// <summary>Last update time, UTC.</summary>
    public DateTimeOffset? LastUpdated { get; init; }

    /// <summary>Quote time, UTC.</summary>
    public DateTimeOffset? Timestamp { get; init; }
}
