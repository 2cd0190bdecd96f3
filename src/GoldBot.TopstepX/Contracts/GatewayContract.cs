namespace GoldBot.TopstepX.Contracts;

/// <summary>
/// A tradable contract (swagger <c>ContractModel</c>, §5.1). <see cref="Id"/> is opaque
/// (<c>CON.F.US.MGC.Z26</c>); <see cref="SymbolId"/> names the product (<c>F.US.MGC</c>).
/// </summary>
public sealed record GatewayContract
{
    /// <summary>Contract id, e.g. <c>CON.F.US.MGC.Z26</c>; treat as opaque.</summary>
    public string Id { get; init; } = "";

    /// <summary>Display name, e.g. <c>MGCZ6</c> (one- or two-digit year: do not parse).</summary>
    public string Name { get; init; } = "";

    /// <summary>Description, e.g. "Micro Gold: December 2026".</summary>
    public string? Description { get; init; }

    /// <summary>Minimum price increment, points (MGC 0.1).</summary>
    public decimal TickSize { get; init; }

    /// <summary>Value of one tick for one contract, USD (MGC 1.00).</summary>
    public decimal TickValue { get; init; }

    /// <summary>Whether this is the product's current front (tradable) contract.</summary>
    public bool ActiveContract { get; init; }

    /// <summary>Product id, e.g. <c>F.US.MGC</c>; roots can differ from CME codes (§5.2).</summary>
    public string SymbolId { get; init; } = "";
}
