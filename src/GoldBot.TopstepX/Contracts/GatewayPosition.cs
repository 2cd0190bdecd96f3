namespace GoldBot.TopstepX.Contracts;

/// <summary>
/// An open position (Position/searchOpen, user hub <c>GatewayUserPosition</c>; §8.1). Direction is
/// <see cref="Type"/>; <see cref="Size"/> is positive. A closed position arrives as type 0, size 0.
/// </summary>
public sealed record GatewayPosition
{
    /// <summary>Position id.</summary>
    public long Id { get; init; }

    /// <summary>Account id.</summary>
    public long AccountId { get; init; }

    /// <summary>Contract id.</summary>
    public string ContractId { get; init; } = "";

    /// <summary>Display name, e.g. <c>MNQU26</c> (swagger extra).</summary>
    public string? ContractDisplayName { get; init; }

    /// <summary>Open time, UTC.</summary>
    public DateTimeOffset CreationTimestamp { get; init; }

    /// <summary>Direction (1 long, 2 short, 0 with size 0 = closed).</summary>
    public PositionType Type { get; init; }

    /// <summary>Quantity, contracts (always ≥ 0).</summary>
    public int Size { get; init; }

    /// <summary>Average entry price, points.</summary>
    public decimal AveragePrice { get; init; }

    /// <summary>Whether this message announces a flat position (size 0; project-x-py <c>tracking.py</c>).</summary>
    public bool IsFlat => Size == 0;

    /// <summary>Net contracts: &gt; 0 long, &lt; 0 short.</summary>
    public int SignedSize => Type == PositionType.Short ? -Size : Size;
}
