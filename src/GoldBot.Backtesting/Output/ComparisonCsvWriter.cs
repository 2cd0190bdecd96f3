using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using GoldBot.Backtesting.Run;

namespace GoldBot.Backtesting.Output;

/// <summary>
/// Writes comparison.csv (<c>goldbot backtest --compare</c>) with CsvHelper, invariant culture: one line per
/// <see cref="ComparisonRow"/>, its intervals in columns of their own (lower, upper), money in USD, R in multiples of the
/// initial risk, fractions 0–1, empty where a figure has no value.
/// </summary>
public static class ComparisonCsvWriter
{
    /// <summary>Writes <paramref name="rows"/> to <paramref name="path"/> (UTF-8, replacing any existing file).</summary>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public static void Write(IEnumerable<ComparisonRow> rows, string path)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var writer = new StreamWriter(path);
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        csv.Context.RegisterClassMap<ComparisonCsvMap>();
        csv.WriteRecords(rows);
    }

    private sealed class ComparisonCsvMap : ClassMap<ComparisonRow>
    {
        public ComparisonCsvMap()
        {
            Map(r => r.Name).Name("setup");
            Map(r => r.IsBaseline).Name("baseline").Convert(a => a.Value.IsBaseline ? "true" : "false");
            Map(r => r.Trades).Name("trades");
            Map(r => r.WinRate).Name("win_rate");
            Map(r => r.ExpectancyR).Name("expectancy_r");
            Map(r => r.ExpectancyRInterval, useExistingMap: false).Name("expectancy_r_lower").Convert(a => Text(a.Value.ExpectancyRInterval?.Lower));
            Map(r => r.ExpectancyRInterval, useExistingMap: false).Name("expectancy_r_upper").Convert(a => Text(a.Value.ExpectancyRInterval?.Upper));
            Map(r => r.ExpectancyUsd).Name("expectancy_usd");
            Map(r => r.ExpectancyUsdInterval, useExistingMap: false).Name("expectancy_usd_lower").Convert(a => Text(a.Value.ExpectancyUsdInterval?.Lower));
            Map(r => r.ExpectancyUsdInterval, useExistingMap: false).Name("expectancy_usd_upper").Convert(a => Text(a.Value.ExpectancyUsdInterval?.Upper));
            Map(r => r.NetPnL).Name("net_pnl");
            Map(r => r.ProfitFactor).Name("profit_factor");
            Map(r => r.MaxDrawdownUsd).Name("max_drawdown_usd");
            Map(r => r.CombinePassProbability).Name("combine_pass_probability");
        }

        private static string Text(double? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
    }
}
