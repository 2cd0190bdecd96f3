namespace GoldBot.Backtesting.Output;

/// <summary>One value read from stats.json: a number, a string, or null (both null).</summary>
/// <param name="Number">The JSON number, or null.</param>
/// <param name="Text">The JSON string, or null.</param>
public readonly record struct StatsJsonValue(decimal? Number, string? Text);
