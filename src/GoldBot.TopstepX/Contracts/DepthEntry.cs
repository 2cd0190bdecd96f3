namespace GoldBot.TopstepX.Contracts;

/// <summary>
/// One market-depth update (market hub <c>GatewayDepth</c>, §9.2). Updates replace the size at a
/// price level (project-x-py 1.1.4); <c>volume</c> vs <c>currentVolume</c> is UNCONFIRMED.
/// </summary>
public sealed record DepthEntry
{
    /// <summary>Contract id (seen live).</summary>
    public string? ContractId { get; init; }

    /// <summary>Update time, UTC.</summary>
    public DateTimeOffset Timestamp { get; init; }

    /// <summary>Entry type.</summary>
    public DomType Type { get; init; }

    /// <summary>Price level, points.</summary>
    public decimal Price { get; init; }

    /// <summary>Size at the level, contracts.</summary>
    public long Volume { get; init; }

    /// <summary>Current volume, contracts (meaning UNCONFIRMED).</summary>
    public long CurrentVolume { get; init; }
}
