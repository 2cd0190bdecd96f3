using GoldBot.Backtesting.Engine;
using GoldBot.MarketData;
using GoldBot.Risk;
using GoldBot.Tests;

namespace GoldBot.Backtesting.Tests.Engine;

/// <summary>The real MGC 3-minute file and the settings of config/appsettings.json (its early closes and news blackout; every other value is the default).</summary>
internal static class MgcData
{
    private static readonly Lazy<BarFile> File = new(() => BarCsvReader.Read(SharedData.MgcBars, tickSize: 0.1m));

    public static BarFile Bars => File.Value;

    public static BacktestSettings Settings { get; } = new()
    {
        Risk = new RiskOptions
        {
            EarlyCloses =
            [
                new EarlyClose { Name = "Thanksgiving", Date = new DateOnly(2025, 11, 27), Close = new TimeOnly(13, 30) },
                new EarlyClose { Name = "Christmas Eve", Date = new DateOnly(2025, 12, 24), Close = new TimeOnly(12, 45) },
            ],
            NewsBlackouts =
            [
                new NewsBlackout { Name = "FOMC", Start = new DateTimeOffset(2025, 12, 10, 12, 30, 0, TimeSpan.FromHours(-6)), End = new DateTimeOffset(2025, 12, 10, 14, 0, 0, TimeSpan.FromHours(-6)) },
            ],
        },
    };
}
