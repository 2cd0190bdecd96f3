using GoldBot.Backtesting.Output;
using GoldBot.Backtesting.Statistics;
using GoldBot.Backtesting.Tests.Statistics;

namespace GoldBot.Backtesting.Tests.Output;

public sealed class BacktestOutputFilesTests
{
    [Fact]
    public void Writes_trades_csv_and_stats_json_into_a_new_folder()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"goldbot-out-{Guid.NewGuid():N}", "run");
        try
        {
            var result = HandMadeResults.SevenTrades();
            var (trades, stats) = BacktestOutputFiles.Write(directory, result, BacktestStatistics.Compute(result, new StatisticsOptions(500)));
            Assert.Equal(8, File.ReadAllLines(trades).Length);   // header + 7 trades
            Assert.Equal(7m, StatsJsonContent.Read(stats).Sections["trades"]["trades"].Number);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(directory)!, recursive: true);
        }
    }
}
