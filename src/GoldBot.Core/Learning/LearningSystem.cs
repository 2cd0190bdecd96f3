using System.Globalization;
using GoldBot.Execution;
using GoldBot.Strategy;

namespace GoldBot.Learning;

/// <summary>
/// The learning system (issue 13): the <see cref="LearningBook"/> of closed trades, the configured
/// <see cref="ILearningPolicy"/> (none under <c>Off</c>) and what it changed (<see cref="LearningState"/>), and every decision
/// in order. The risk manager asks it whether a signal's pattern or condition is disabled (<see cref="BlockedBy"/>) and by
/// how much to scale the default size (<see cref="SizeMultiplier"/>); its limits still cap every trade. The same class runs
/// in the daemon and in backtests; a restart rebuilds it by recording the stored closed trades again, in order, which
/// reproduces every decision. Not thread-safe (the risk stage owns it).
/// </summary>
public sealed class LearningSystem
{
    private readonly List<LearningDecision> _decisions = [];

    /// <summary>Creates the system for <paramref name="options"/>, with the patterns the strategy trades and the default size (contracts).</summary>
    /// <exception cref="ArgumentException">An unknown policy name.</exception>
    public LearningSystem(LearningOptions options, IEnumerable<string> patterns, int baseContracts)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(patterns);
        Options = options;
        Patterns = [.. patterns];
        Policy = options.Policy switch
        {
            "Evidence" => new EvidencePolicy(options),
            "Plan" => new PlanPolicy(baseContracts),
            "Off" => null,
            _ => throw new ArgumentException($"'{options.Policy}' is not a learning policy ({string.Join(", ", LearningOptions.Policies)})", nameof(options)),
        };
        if (Policy is PlanPolicy && Patterns.Contains("breaker_block"))
            State.Disabled["breaker_block"] = PlanPolicy.BreakerHeldBack;
    }

    /// <summary>The settings.</summary>
    public LearningOptions Options { get; }

    /// <summary>The patterns the strategy trades (<c>Strategy:Patterns</c>).</summary>
    public IReadOnlyList<string> Patterns { get; }

    /// <summary>The policy, or null under <c>Off</c>.</summary>
    public ILearningPolicy? Policy { get; }

    /// <summary>The closed trades and their estimates.</summary>
    public LearningBook Book { get; } = new();

    /// <summary>What the policy has changed.</summary>
    public LearningState State { get; } = new();

    /// <summary>Every decision, oldest first.</summary>
    public IReadOnlyList<LearningDecision> Decisions => _decisions;

    /// <summary>Multiplier of the default size (1 unless the policy changed it).</summary>
    public decimal SizeMultiplier => State.SizeMultiplier;

    /// <summary>Records a closed trade and returns the decisions it caused (often none). Trades without a result in R are ignored.</summary>
    public IReadOnlyList<LearningDecision> Record(TradeRecord trade)
    {
        if (Book.Record(trade) is not { } learned || Policy is null)
            return [];
        var before = _decisions.Count;
        Policy.OnTradeClosed(Book, learned, State, _decisions);
        return before == _decisions.Count ? [] : _decisions[before..];
    }

    /// <summary>Why the learning system refuses <paramref name="signal"/> (its pattern or one of its conditions is disabled), or null.</summary>
    public string? BlockedBy(TradeSignal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        if (State.Disabled.Count == 0)
            return null;
        if (State.Disabled.TryGetValue(signal.Pattern, out var reason))
            return "learning: " + reason;
        foreach (var cell in LearningBook.CellsOf(signal.Score, signal.Conditions))
        {
            if (State.Disabled.TryGetValue(LearningBook.Subject(signal.Pattern, cell), out reason))
                return "learning: " + reason;
        }
        return null;
    }

    /// <summary>Why the size is what it is, for signals.log: <c>size ×1.25 by learning (…)</c>, or null at ×1.</summary>
    public string? SizeNote => State.SizeMultiplier == 1m ? null
        : string.Create(CultureInfo.InvariantCulture, $"size ×{State.SizeMultiplier:0.##} by learning ({State.SizeReason})");
}
