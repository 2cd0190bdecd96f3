namespace GoldBot.Chaos;

/// <summary>One failed invariant of a chaos run.</summary>
/// <param name="Kind">Which invariant (see <see cref="AccountInvariants"/>), e.g. <c>naked</c>.</param>
/// <param name="Time">Market time it was found, UTC.</param>
/// <param name="Detail">What was seen.</param>
public sealed record ChaosViolation(string Kind, DateTimeOffset Time, string Detail);
