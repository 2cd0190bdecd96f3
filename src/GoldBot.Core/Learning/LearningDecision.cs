namespace GoldBot.Learning;

/// <summary>
/// One adaptation of the learning system, with the evidence it rests on: a journal record (<c>logs/learning.jsonl</c>) and a
/// line of <c>goldbot learning</c>'s history.
/// </summary>
/// <param name="Time">Close time of the trade whose result triggered it, UTC.</param>
/// <param name="Policy"><c>Evidence</c> or <c>Plan</c>.</param>
/// <param name="Action"><c>disable</c>, <c>enable</c> or <c>size</c>.</param>
/// <param name="Subject">A pattern (<c>order_block</c>), a pattern under a condition (<c>order_block|regime:ranging</c>), or <c>size</c>.</param>
/// <param name="Trades">Closed trades the decision looked at.</param>
/// <param name="Value">For <c>size</c>, the new size multiplier; otherwise the estimate it was judged on (expectancy in R, or a win rate 0–1 for Plan).</param>
/// <param name="Low">Lower bound of the estimate's 95 % confidence interval, or null (Plan).</param>
/// <param name="High">Upper bound of the estimate's 95 % confidence interval, or null (Plan).</param>
/// <param name="Reason">The decision in a sentence, e.g. <c>order_block in ranging regime disabled: 24 trades, expectancy −0.31 R, 95 % CI −0.58 to −0.04</c>.</param>
public sealed record LearningDecision(DateTimeOffset Time, string Policy, string Action, string Subject, int Trades, decimal Value, decimal? Low, decimal? High, string Reason);
