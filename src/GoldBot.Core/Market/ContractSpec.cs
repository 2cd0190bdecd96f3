namespace GoldBot.Market;

/// <summary>
/// Exchange specification of one futures contract. Values come from the CME contract
/// specification pages (see <c>research/topstepx-api.md</c> §10): MGC tick 0.10 = $1.00,
/// GC tick 0.10 = $10.00, MES tick 0.25 = $1.25, ES tick 0.25 = $12.50.
/// </summary>
/// <param name="Symbol">Root symbol, e.g. <c>MGC</c>.</param>
/// <param name="TickSize">Minimum price increment, in price points (e.g. 0.10).</param>
/// <param name="TickValue">USD value of one tick for one contract (e.g. 1.00).</param>
/// <param name="MicroEquivalent">
/// How many contracts this counts as against Topstep's micro limit (micros 1, minis 10;
/// Topstep help article 9221977).
/// </param>
public sealed record ContractSpec(string Symbol, decimal TickSize, decimal TickValue, int MicroEquivalent = 1)
{
    /// <summary>USD value of a one-point move for one contract: <c>TickValue / TickSize</c> (MGC: $10).</summary>
    public decimal PointValue => TickValue / TickSize;

    /// <summary>Converts a price distance (points) to ticks, rounding to the nearest whole tick.</summary>
    public long ToTicks(decimal priceDistance) => TickRounding.ToTicks(priceDistance, TickSize);

    /// <summary>Converts a whole number of ticks to a price distance in points.</summary>
    public decimal ToPrice(long ticks) => ticks * TickSize;

    /// <summary>Rounds a price to the nearest valid tick (half away from zero).</summary>
    public decimal RoundToTick(decimal price) => decimal.Round(price / TickSize, MidpointRounding.AwayFromZero) * TickSize;

    /// <summary>The highest valid tick at or below <paramref name="price"/> (points).</summary>
    public decimal FloorToTick(decimal price) => decimal.Floor(price / TickSize) * TickSize;

    /// <summary>The lowest valid tick at or above <paramref name="price"/> (points).</summary>
    public decimal CeilingToTick(decimal price) => decimal.Ceiling(price / TickSize) * TickSize;

    /// <summary>True when <paramref name="price"/> is a whole number of ticks.</summary>
    public bool IsOnTick(decimal price) => price % TickSize == 0;

    /// <summary>
    /// USD profit or loss of moving <paramref name="quantity"/> contracts from
    /// <paramref name="entry"/> to <paramref name="exit"/>; positive when a long gains.
    /// </summary>
    /// <param name="direction">+1 long, −1 short.</param>
    public decimal PnL(int direction, decimal entry, decimal exit, int quantity) =>
        (exit - entry) * direction * quantity * PointValue;

    /// <summary>Built-in specifications: MGC, GC, MES, ES.</summary>
    public static IReadOnlyDictionary<string, ContractSpec> BuiltIn { get; } =
        new Dictionary<string, ContractSpec>(StringComparer.OrdinalIgnoreCase)
        {
            ["MGC"] = new("MGC", 0.10m, 1.00m, 1),
            ["GC"] = new("GC", 0.10m, 10.00m, 10),
            ["MES"] = new("MES", 0.25m, 1.25m, 1),
            ["ES"] = new("ES", 0.25m, 12.50m, 10),
        };
}
