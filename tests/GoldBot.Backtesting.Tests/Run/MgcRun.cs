using System.Text;
using GoldBot.Backtesting.Output;
using GoldBot.Backtesting.Run;
using GoldBot.Backtesting.Tests.Engine;
using GoldBot.Backtesting.WalkForward;

namespace GoldBot.Backtesting.Tests.Run;

/// <summary>One <see cref="BacktestRun"/> on the real MGC file (2 walk-forward folds, seed 1), shared by the run and report tests.</summary>
internal static class MgcRun
{
    public static BacktestRunOptions Options { get; } = new()
    {
        Description = "mgc",
        WalkForward = new WalkForwardOptions { Folds = 2 },
        Seed = 1,
    };

    private static readonly Lazy<BacktestRunResult> Run = new(() =>
        BacktestRun.ExecuteAsync(MgcData.Bars, MgcData.Settings, Options).AsTask().GetAwaiter().GetResult());

    public static BacktestRunResult Result => Run.Value;

    /// <summary>The stats.json text of <see cref="Result"/>.</summary>
    public static string StatsJson()
    {
        using var stream = new MemoryStream();
        StatsJsonWriter.Write(Result.Statistics, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
