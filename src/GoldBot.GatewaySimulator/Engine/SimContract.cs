using GoldBot.Market;

namespace GoldBot.GatewaySimulator.Engine;

/// <summary>
/// A contract the simulated gateway lists, in ProjectX form (research/topstepx-api.md §5):
/// id <c>CON.F.US.&lt;root&gt;.&lt;month&gt;&lt;yy&gt;</c>, symbolId <c>F.US.&lt;root&gt;</c>, tick size and value
/// from GoldBot.Core's <see cref="ContractSpec"/>.
/// </summary>
/// <param name="Id">ProjectX contract id, e.g. <c>CON.F.US.MGC.G26</c>.</param>
/// <param name="Name">Display name with a one-digit year, e.g. <c>MGCG6</c>.</param>
/// <param name="Description">Human description, e.g. <c>Micro Gold: February 2026</c>.</param>
/// <param name="SymbolId">ProjectX symbol id, e.g. <c>F.US.MGC</c>.</param>
/// <param name="Spec">Tick size (points) and tick value (USD per tick per contract).</param>
/// <param name="Active">False for an expired contract (placing orders gets errorCode 9).</param>
public sealed record SimContract(string Id, string Name, string Description, string SymbolId, ContractSpec Spec, bool Active)
{
    private static readonly string[] MonthNames =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    private const string MonthCodes = "FGHJKMNQUVXZ";

    /// <summary>
    /// The dollar proxies the simulator can list (<see cref="Market.SyntheticProxy"/>), by ProjectX root: EU6 is CME 6E, Euro FX
    /// (tick 0.00005 USD per EUR = 6.25 USD), M6E the micro (0.0001 = 1.25 USD); CME contract specifications.
    /// </summary>
    public static IReadOnlyDictionary<string, ContractSpec> ProxySpecs { get; } = new Dictionary<string, ContractSpec>(StringComparer.OrdinalIgnoreCase)
    {
        ["EU6"] = new("EU6", 0.00005m, 6.25m, 1),
        ["M6E"] = new("M6E", 0.0001m, 1.25m, 1),
    };

    /// <summary>
    /// Builds a contract from its ProjectX id (<c>CON.F.US.MGC.G26</c>), taking the tick size and value
    /// of the root from <see cref="ContractSpec.BuiltIn"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The id does not follow <c>CON.F.US.&lt;root&gt;.&lt;month code&gt;&lt;yy&gt;</c> or the root has no built-in spec.</exception>
    public static SimContract FromId(string id, bool active = true)
    {
        ArgumentNullException.ThrowIfNull(id);
        var parts = id.Split('.');
        if (parts.Length != 5 || parts[0] != "CON" || parts[4].Length != 3 || MonthCodes.IndexOf(parts[4][0], StringComparison.Ordinal) < 0
            || !int.TryParse(parts[4].AsSpan(1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var yy))
            throw new ArgumentException($"'{id}' is not a ProjectX contract id like CON.F.US.MGC.G26", nameof(id));
        var root = parts[3];
        if (!ContractSpec.BuiltIn.TryGetValue(root, out var spec) && !ProxySpecs.TryGetValue(root, out spec))
            throw new ArgumentException($"contract root '{root}' has no built-in ContractSpec (known: {string.Join(", ", ContractSpec.BuiltIn.Keys.Concat(ProxySpecs.Keys))})", nameof(id));
        var month = MonthCodes.IndexOf(parts[4][0], StringComparison.Ordinal);
        var product = root switch { "MGC" => "Micro Gold", "GC" => "Gold", "MES" => "Micro E-mini S&P 500", "ES" => "E-Mini S&P 500", "EU6" => "Euro FX", "M6E" => "Micro EUR/USD", _ => root };
        return new SimContract(
            id,
            $"{root}{parts[4][0]}{yy % 10}",
            $"{product}: {MonthNames[month]} {2000 + yy}",
            $"{parts[1]}.{parts[2]}.{root}",
            spec,
            active);
    }

    /// <summary>True when <paramref name="price"/> is a whole number of ticks.</summary>
    public bool IsOnTickGrid(decimal price) => price % Spec.TickSize == 0m;
}
