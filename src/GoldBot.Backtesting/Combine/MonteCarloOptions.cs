namespace GoldBot.Backtesting.Combine;

/// <summary>Settings of <see cref="CombineMonteCarlo"/>.</summary>
/// <param name="Paths">Simulated accounts (default 10,000).</param>
/// <param name="Seed">Seed of the random generator (same seed, same result).</param>
/// <param name="MaxTradesPerPath">Trades after which a path that reached neither the target nor the floor is
/// counted as undecided (default 10,000; Topstep's Combine has no time limit, so this only bounds the run time).</param>
public sealed record MonteCarloOptions(int Paths = 10_000, int Seed = 1, int MaxTradesPerPath = 10_000)
{
    /// <summary>The defaults: 10,000 paths, seed 1, at most 10,000 trades a path.</summary>
    public static MonteCarloOptions Default { get; } = new();
}
