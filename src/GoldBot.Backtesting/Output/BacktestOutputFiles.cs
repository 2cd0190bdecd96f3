using GoldBot.Backtesting.Statistics;

namespace GoldBot.Backtesting.Output;

/// <summary>The files a backtest leaves in its output folder: <c>trades.csv</c> (<see cref="TradesCsvWriter"/>) and <c>stats.json</c> (<see cref="StatsJsonWriter"/>).</summary>
public static class BacktestOutputFiles
{
    /// <summary>File name of the trade list.</summary>
    public const string TradesCsv = "trades.csv";

    /// <summary>File name of the statistics.</summary>
    public const string StatsJson = "stats.json";

    /// <summary>Writes both files into <paramref name="directory"/> (created if missing, files replaced) and returns their paths.</summary>
    /// <param name="excursions">MAE/MFE by trade id, when measured.</param>
    /// <exception cref="IOException">A file cannot be written.</exception>
    public static (string TradesCsvPath, string StatsJsonPath) Write(
        string directory, BacktestResult result, BacktestStatistics statistics, IReadOnlyDictionary<string, TradeExcursion>? excursions = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(statistics);
        Directory.CreateDirectory(directory);
        var trades = Path.Combine(directory, TradesCsv);
        var stats = Path.Combine(directory, StatsJson);
        TradesCsvWriter.Write(result.Trades, trades, excursions);
        StatsJsonWriter.Write(statistics, stats);
        return (trades, stats);
    }
}
