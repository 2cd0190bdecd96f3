using System.Globalization;

namespace GoldBot.Chaos;

/// <summary>What one chaos run did and found.</summary>
/// <param name="Seed">The seed.</param>
/// <param name="Days">The CME trading days played.</param>
/// <param name="Faults">Faults switched on, by kind.</param>
/// <param name="Violations">Failed invariants, in order.</param>
/// <param name="Trades">Trades the daemon closed.</param>
/// <param name="PnL">Their net P&amp;L, USD.</param>
/// <param name="Elapsed">Wall time of the run.</param>
/// <param name="Folder">The daemon's folder (its logs) for this run.</param>
public sealed record ChaosRunResult(int Seed, IReadOnlyList<DateOnly> Days, IReadOnlyDictionary<string, int> Faults, IReadOnlyList<ChaosViolation> Violations,
    int Trades, decimal PnL, TimeSpan Elapsed, string Folder)
{
    /// <summary>One line: seed, days, faults, trades, P&amp;L, violations, wall time.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"seed {Seed}: {string.Join(", ", Days.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))}, {Faults.Values.Sum()} faults, {Trades} trades, P&L {PnL:+0.00;-0.00;0.00} USD, {Violations.Count} violations, {Elapsed.TotalSeconds:0.0} s");
}
