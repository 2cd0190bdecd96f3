namespace GoldBot.Learning;

/// <summary>A rule set that adapts what is traded and how large from the closed trades (<see cref="LearningOptions.Policy"/>).</summary>
public interface ILearningPolicy
{
    /// <summary><c>Evidence</c> or <c>Plan</c>.</summary>
    string Name { get; }

    /// <summary>
    /// Called after <paramref name="book"/> recorded <paramref name="trade"/>: changes <paramref name="state"/> and appends each
    /// change, with its inputs, to <paramref name="decisions"/>.
    /// </summary>
    void OnTradeClosed(LearningBook book, LearnedTrade trade, LearningState state, List<LearningDecision> decisions);
}
