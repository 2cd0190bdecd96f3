using System.Text.Json;
using GoldBot.Backtesting.Statistics;

namespace GoldBot.Backtesting.Output;

/// <summary>
/// Writes <see cref="BacktestStatistics"/> as stats.json with System.Text.Json. Schema (version 1):
/// <code>
/// {
///   "schema_version": 1,
///   "sections": {
///     "&lt;section key&gt;": { "&lt;row key&gt;": number | string | null, ... },   // run, trades, returns, confidence, ambiguity[, combine, monte_carlo][, trading_stop]
///     ...
///   },
///   "breakdowns": {
///     "&lt;table key&gt;": [ { "key": string, "&lt;column key&gt;": number | null, ... }, ... ],   // by_pattern, by_score, by_hour, by_weekday, by_month, by_exit_reason, r_multiples, monthly_returns, yearly_returns[, refusals_by_reason]
///     ...
///   }
/// }
/// </code>
/// Names are the stable snake_case keys of the model's rows and columns, in the model's order. Numbers are
/// written exactly as the model holds them (<see cref="StatisticUnit"/>: USD to cents, ratios and fractions
/// to 4 decimals, counts whole); null means undefined (e.g. <c>profit_factor</c> with no losing trade).
/// Fractions are 0–1, not percent; times are ISO-8601 UTC strings; dates <c>yyyy-MM-dd</c>.
/// </summary>
public static class StatsJsonWriter
{
    /// <summary>Version of the schema above; changes when a name or meaning changes.</summary>
    public const int SchemaVersion = 1;

    /// <summary>Writes <paramref name="statistics"/> to <paramref name="stream"/> as indented UTF-8 JSON.</summary>
    public static void Write(BacktestStatistics statistics, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        ArgumentNullException.ThrowIfNull(stream);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteNumber("schema_version", SchemaVersion);

        json.WriteStartObject("sections");
        foreach (var section in statistics.Sections)
        {
            json.WriteStartObject(section.Key);
            foreach (var row in section.Rows)
            {
                json.WritePropertyName(row.Key);
                if (row.Unit == StatisticUnit.Text)
                    WriteText(json, row.Text);
                else
                    WriteNumber(json, row.Number);
            }
            json.WriteEndObject();
        }
        json.WriteEndObject();

        json.WriteStartObject("breakdowns");
        foreach (var table in statistics.Breakdowns)
        {
            json.WriteStartArray(table.Key);
            foreach (var row in table.Rows)
            {
                json.WriteStartObject();
                json.WriteString("key", row.Key);
                for (var i = 0; i < table.Columns.Count; i++)
                {
                    json.WritePropertyName(table.Columns[i].Key);
                    WriteNumber(json, row.Values[i]);
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        json.WriteEndObject();

        json.WriteEndObject();
    }

    /// <summary>Writes stats.json to <paramref name="path"/>, replacing any existing file.</summary>
    public static void Write(BacktestStatistics statistics, string path)
    {
        using var stream = File.Create(path);
        Write(statistics, stream);
    }

    private static void WriteNumber(Utf8JsonWriter json, decimal? value)
    {
        if (value is { } v)
            json.WriteNumberValue(v);
        else
            json.WriteNullValue();
    }

    private static void WriteText(Utf8JsonWriter json, string? value)
    {
        if (value is null)
            json.WriteNullValue();
        else
            json.WriteStringValue(value);
    }
}
