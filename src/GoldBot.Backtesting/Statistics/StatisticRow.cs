namespace GoldBot.Backtesting.Statistics;

/// <summary>
/// One named statistic: a row of the report's tables and one member of stats.json. The number is
/// already rounded for its unit (<see cref="StatisticUnit"/>), so the report and the JSON show the same value.
/// </summary>
/// <param name="Key">Stable snake_case name, used as the JSON member name.</param>
/// <param name="Label">Human-readable label for the report.</param>
/// <param name="Unit">Unit of <paramref name="Number"/>.</param>
/// <param name="Number">The value (null when undefined, e.g. profit factor without losses), or null for text rows.</param>
/// <param name="Text">The value of a <see cref="StatisticUnit.Text"/> row, else null.</param>
public sealed record StatisticRow(string Key, string Label, StatisticUnit Unit, decimal? Number, string? Text = null)
{
    /// <summary>Text written for a null value in tables.</summary>
    public const string Undefined = "n/a";

    /// <summary>
    /// The value as table text: the number exactly as stats.json writes it (invariant culture, with its
    /// decimals, e.g. <c>150.00</c>, <c>0.4286</c>), the text, or <see cref="Undefined"/>.
    /// </summary>
    public string ValueText => Unit == StatisticUnit.Text ? Text ?? Undefined : Format(Number);

    /// <summary>A number as table text, invariant culture, or <see cref="Undefined"/> for null.</summary>
    public static string Format(decimal? number) => number?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? Undefined;

    /// <summary>A row with a decimal value, rounded for <paramref name="unit"/>.</summary>
    public static StatisticRow Of(string key, string label, StatisticUnit unit, decimal? value) =>
        new(key, label, unit, StatisticRounding.Round(value, unit));

    /// <summary>A row with a double value, rounded for <paramref name="unit"/> (NaN and infinities become null).</summary>
    public static StatisticRow Of(string key, string label, StatisticUnit unit, double? value) =>
        new(key, label, unit, StatisticRounding.Round(value, unit));

    /// <summary>A count row.</summary>
    public static StatisticRow Count(string key, string label, long value) => new(key, label, StatisticUnit.Count, value);

    /// <summary>A text row.</summary>
    public static StatisticRow OfText(string key, string label, string? value) => new(key, label, StatisticUnit.Text, null, value);
}
