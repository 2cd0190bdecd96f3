using System.Collections.Frozen;

namespace GoldBot.TopstepX.Rest;

/// <summary>
/// Maps a CME product code (MGC, ES, GC, …) to the ProjectX <c>symbolId</c> (<c>F.US.&lt;root&gt;</c>).
/// Roots often differ from CME codes (§5.2 table; <c>fixtures/projectx-live/contracts_available.json</c>):
/// ES→EP, NQ→ENQ, GC→GCE, CL→CLE, MCL→MCLE, HG→CPE, SI→SIE, 6A→DA6, 6B→BP6, 6E→EU6, …; the
/// micros MGC, MES, MNQ keep their code. A code already in <c>F.US.X</c> form is returned unchanged.
/// </summary>
public static class CmeSymbolMap
{
    private static readonly FrozenDictionary<string, string> Roots = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["ES"] = "EP", ["NQ"] = "ENQ", ["GC"] = "GCE", ["CL"] = "CLE", ["MCL"] = "MCLE", ["HG"] = "CPE",
        ["SI"] = "SIE", ["PL"] = "PLE", ["NG"] = "NGE", ["HO"] = "HOE", ["RB"] = "RBE", ["LE"] = "GLE",
        ["6A"] = "DA6", ["6B"] = "BP6", ["6C"] = "CA6", ["6E"] = "EU6", ["6J"] = "JY6", ["6M"] = "MX6",
        ["6N"] = "NE6", ["6S"] = "SF6", ["E7"] = "EEU", ["ZB"] = "USA", ["UB"] = "ULA", ["ZN"] = "TYA",
        ["TN"] = "TNA", ["ZF"] = "FVA", ["ZT"] = "TUA", ["ZC"] = "ZCE", ["ZS"] = "ZSE", ["ZW"] = "ZWA",
        ["ZL"] = "ZLE", ["ZM"] = "ZME", ["QG"] = "NQG", ["QM"] = "NQM", ["MET"] = "GMET",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The ProjectX symbolId of <paramref name="cmeCode"/>, e.g. "MGC" → "F.US.MGC", "GC" → "F.US.GCE".</summary>
    /// <exception cref="ArgumentException">The code is empty.</exception>
    public static string ToSymbolId(string cmeCode)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cmeCode);
        var code = cmeCode.Trim();
        if (code.StartsWith("F.", StringComparison.OrdinalIgnoreCase))
            return code.ToUpperInvariant();
        var root = Roots.TryGetValue(code, out var mapped) ? mapped : code.ToUpperInvariant();
        return "F.US." + root;
    }
}
