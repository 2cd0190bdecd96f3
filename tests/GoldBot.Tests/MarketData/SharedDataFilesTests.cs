using GoldBot.Market;
using GoldBot.MarketData;

namespace GoldBot.Tests.MarketData;

/// <summary>
/// Every file in ../shared/data loads with the time zone its README states: bar count, first and
/// last bar in UTC, and one bar checked by hand against the raw file (line numbers given). The
/// MetaTrader 5 file stamps broker server time (New York + 7 h) and must land on UTC across every
/// US daylight-saving change.
/// </summary>
public sealed class SharedDataFilesTests
{
    private const string Es = "data/es_1m_lean_ESZ13_2013-10-07_2013-10-11_utc.csv";
    private const string Gc = "data/gc_1m_lean_GCZ13_2013-10-07_2013-10-11_utc.csv";
    private const string Dxy = "data/dxy_30m_dukascopy_2023-06-17_2025-06-16_utc.csv.gz";
    private const string Xau = "data/xauusd_1h_mt5_2018-03-19_2026-05-15_servertime.csv.gz";

    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    private static readonly Lazy<BarFile> XauFile = new(() =>
        BarCsvReader.Read(SharedData.Path(Xau), BadBarPolicy.Reject, options: new BarFileOptions { SourceTimeZone = BarTimeZone.NewYorkClose }));

    [Fact]
    public void MGC_TopstepX_file_is_UTC()
    {
        var file = BarCsvReader.Read(SharedData.MgcBars, BadBarPolicy.Reject);

        Assert.Equal(12_382, file.Bars.Count);
        Assert.Equal(Utc(2025, 11, 23, 23, 0), file.Bars[0].OpenTime);
        // Last line of the file: 2026-01-02 21:57:00+00:00,4342.3,4342.3,4341.3,4341.9,255
        Assert.Equal(new Bar(Utc(2026, 1, 2, 21, 57), 4342.3m, 4342.3m, 4341.3m, 4341.9m, 255), file.Bars[^1]);
    }

    [Fact]
    public void GC_Lean_file_is_UTC()
    {
        var file = BarCsvReader.Read(SharedData.Path(Gc), BadBarPolicy.Reject);

        Assert.Equal(6_687, file.Bars.Count);
        Assert.Equal(Utc(2013, 10, 7, 0, 0), file.Bars[0].OpenTime);
        // Last line: 2013-10-11T21:14:00Z,1272,1272.5,1269.5,1272.5,68,GCZ13
        Assert.Equal(new Bar(Utc(2013, 10, 11, 21, 14), 1272m, 1272.5m, 1269.5m, 1272.5m, 68), file.Bars[^1]);
    }

    [Fact]
    public void ES_Lean_file_is_UTC()
    {
        var file = BarCsvReader.Read(SharedData.Path(Es), BadBarPolicy.Reject);

        Assert.Equal(6_708, file.Bars.Count);
        Assert.Equal(new Bar(Utc(2013, 10, 7, 0, 0), 1676.5m, 1676.5m, 1676.5m, 1676.5m, 9), file.Bars[0]);
        Assert.Equal(Utc(2013, 10, 11, 21, 14), file.Bars[^1].OpenTime);
        // Line 3001: 2013-10-09T04:44:00Z,1656,1656,1655.75,1655.75,27,ESZ13
        Assert.Equal(new Bar(Utc(2013, 10, 9, 4, 44), 1656m, 1656m, 1655.75m, 1655.75m, 27), file.Bars[2_999]);
        Assert.Equal(TimeSpan.FromMinutes(1), file.Period);
    }

    [Fact]
    public void DXY_Dukascopy_gzip_file_needs_rounding_of_its_fractional_tick_volume()
    {
        var path = SharedData.Path(Dxy);

        var strict = BarCsvReader.Read(path, BadBarPolicy.Skip);
        Assert.Contains(strict.Problems, p => p.Reason.StartsWith("bad volume '3.516", StringComparison.Ordinal));

        var all = BarCsvReader.Read(path, BadBarPolicy.Reject, options: new BarFileOptions { RoundFractionalVolume = true });
        Assert.Equal(19_819, all.Bars.Count);
        Assert.Equal(TimeSpan.FromMinutes(30), all.Period);
        // Line 10001: 2024-06-16T03:00:00Z,105.125,105.125,105.125,105.125,0 (Sunday filler)
        Assert.Equal(new Bar(Utc(2024, 6, 16, 3, 0), 105.125m, 105.125m, 105.125m, 105.125m, 0), all.Bars[9_999]);
    }

    [Fact]
    public void DXY_without_its_zero_volume_filler_keeps_the_live_bars()
    {
        var file = BarCsvReader.Read(SharedData.Path(Dxy), BadBarPolicy.Reject,
            options: new BarFileOptions { RoundFractionalVolume = true, DropZeroVolume = true });

        // README §4: 19,819 rows of which 6,963 are flat zero-volume filler.
        Assert.Equal(12_856, file.Bars.Count);
        Assert.Equal(6_963, file.ZeroVolumeDropped);
        Assert.Empty(file.Problems);
        // First live row (line 98): 2023-06-19T00:00:00Z,101.866,101.872,101.816,101.864,3.516000000000001
        Assert.Equal(new Bar(Utc(2023, 6, 19, 0, 0), 101.866m, 101.872m, 101.816m, 101.864m, 4), file.Bars[0]);
        // Last line: 2025-06-16T20:30:00Z,97.676,97.695,97.662,97.680,0.000001404 (live, rounds to 0)
        Assert.Equal(new Bar(Utc(2025, 6, 16, 20, 30), 97.676m, 97.695m, 97.662m, 97.680m, 0), file.Bars[^1]);
    }

    [Fact]
    public void XAUUSD_server_time_file_is_refused_without_a_clock()
    {
        var path = SharedData.Path(Xau);

        var e = Assert.Throws<BarFileException>(() => BarCsvReader.Read(path));

        Assert.Equal($"bars file {path} stamps broker server time without a UTC offset ('2018-03-19 00:00:00' on line 2); "
            + "give the clock of its stamps: --time-zone ZONE or Replay:TimeZone (new-york-close for a MetaTrader 5 server on the New York close)", e.Message);
    }

    [Fact]
    public void XAUUSD_MT5_file_converts_server_time_to_UTC_with_the_US_DST_calendar()
    {
        var file = XauFile.Value;

        Assert.Equal(48_251, file.Bars.Count);
        Assert.Empty(file.Problems);
        Assert.Equal(TimeSpan.FromHours(1), file.Period);
        // 2018-03-19 00:00 server, US DST on since 2018-03-11: UTC+3.
        Assert.Equal(Utc(2018, 3, 18, 21), file.Bars[0].OpenTime);
        // Last line: 2026-05-15 23:00:00,4545.9,4546.33,4532.99,4538.31,7416 (US DST: UTC+3)
        Assert.Equal(new Bar(Utc(2026, 5, 15, 20), 4545.9m, 4546.33m, 4532.99m, 4538.31m, 7416), file.Bars[^1]);
        // Line 37333: 2024-07-10 15:00:00,2378.39,2381.85,2377.16,2377.83,7278 (summer: UTC+3)
        Assert.Equal(new Bar(Utc(2024, 7, 10, 12), 2378.39m, 2381.85m, 2377.16m, 2377.83m, 7278), file.Bars[37_331]);
    }

    [Theory]
    // US DST starts Sunday 2024-03-10: Friday 23:00 server is UTC+2, Monday 01:00 server is UTC+3.
    [InlineData(35_346, "2024-03-08T21:00:00Z", "2024-03-10T22:00:00Z")]
    // US DST ends Sunday 2024-11-03: Friday 23:00 server is UTC+3, Monday 01:00 server is UTC+2.
    [InlineData(39_223, "2024-11-01T20:00:00Z", "2024-11-03T23:00:00Z")]
    public void XAUUSD_weekends_around_the_DST_changes_map_to_the_right_UTC_hours(int fridayIndex, string fridayLastUtc, string mondayFirstUtc)
    {
        var bars = XauFile.Value.Bars;

        Assert.Equal(DateTimeOffset.Parse(fridayLastUtc, System.Globalization.CultureInfo.InvariantCulture), bars[fridayIndex].OpenTime);
        Assert.Equal(DateTimeOffset.Parse(mondayFirstUtc, System.Globalization.CultureInfo.InvariantCulture), bars[fridayIndex + 1].OpenTime);
        // Both are the same New York wall-clock hours all year: the week closes 16:00-17:00 and opens 18:00.
        Assert.Equal(16, TimeZoneInfo.ConvertTime(bars[fridayIndex].OpenTime, NewYork).Hour);
        Assert.Equal(18, TimeZoneInfo.ConvertTime(bars[fridayIndex + 1].OpenTime, NewYork).Hour);
    }

    [Fact]
    public void XAUUSD_in_UTC_has_the_same_hourly_gaps_as_the_file_and_the_daily_break_at_17_New_York()
    {
        var bars = XauFile.Value.Bars;
        var oneHour = 0;
        var dailyBreaks = 0;
        for (var i = 1; i < bars.Count; i++)
        {
            var step = bars[i].OpenTime - bars[i - 1].OpenTime;
            Assert.True(step >= TimeSpan.FromHours(1) && step.Ticks % TimeSpan.TicksPerHour == 0, $"bar {i}: step {step}");
            if (step == TimeSpan.FromHours(1))
                oneHour++;
            if (step == TimeSpan.FromHours(2))
            {
                dailyBreaks++;
                Assert.Equal(17, TimeZoneInfo.ConvertTime(bars[i - 1].OpenTime.AddHours(1), NewYork).Hour);
            }
        }

        // README §3 and the raw server stamps: 46,144 one-hour steps and 1,622 two-hour steps (the 00:00 break).
        Assert.Equal(46_144, oneHour);
        Assert.Equal(1_622, dailyBreaks);
        // No bar except the file's first (a leftover daily bar) falls in the 17:00 New York break hour.
        Assert.Single(bars, b => TimeZoneInfo.ConvertTime(b.OpenTime, NewYork).Hour == 17);
    }
}
