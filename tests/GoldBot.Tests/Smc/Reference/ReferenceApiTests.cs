using GoldBot.Smc.Reference;

namespace GoldBot.Tests.Smc.Reference;

/// <summary>Parameters and errors of the reference functions beyond the golden calls.</summary>
public sealed class ReferenceApiTests
{
    private static string Csv(ISmcFrame frame) => SmcCsvWriter.ToCsv(frame);

    [Fact]
    public void Custom_session_equals_the_built_in_window_with_the_same_times()
    {
        var df = SmcFixtures.EurUsd;
        Assert.Equal(Csv(Sessions.Compute(df, "London")), Csv(Sessions.Compute(df, "Custom", "7:00", "16:00")));
        Assert.Equal(Csv(Sessions.Compute(df, "Sydney")), Csv(Sessions.Compute(df, "Custom", "21:00", "06:00")));
    }

    [Fact]
    public void Gmt_and_utc_offsets_are_the_same_posix_zone_with_the_sign_bug()
    {
        var df = SmcFixtures.EurUsd;
        Assert.Equal(Csv(Sessions.Compute(df, "London", timeZone: "UTC+2")), Csv(Sessions.Compute(df, "London", timeZone: "GMT+2")));
        Assert.Equal(Csv(Sessions.Compute(df, "London")), Csv(Sessions.Compute(df, "London", timeZone: "UTC+0")));
        // B11: "UTC+2" moves the bars +2 h, so London (07:00-16:00 UTC) is 05:00-14:00 of input time,
        // and "UTC-2" makes it 09:00-18:00.
        Assert.Equal(Csv(Sessions.Compute(df, "London", timeZone: "UTC+2")), Csv(Sessions.Compute(df, "Custom", "05:00", "14:00")));
        Assert.Equal(Csv(Sessions.Compute(df, "London", timeZone: "UTC-2")), Csv(Sessions.Compute(df, "Custom", "09:00", "18:00")));
    }

    [Theory]
    [InlineData("Londn", "", "", "UTC")]
    [InlineData("london", "", "", "UTC")]
    [InlineData("Custom", "", "16:00", "UTC")]
    [InlineData("Custom", "7:00", "24:00", "UTC")]
    [InlineData("London", "", "", "UTC+13")]
    [InlineData("London", "", "", "UTC+02")]
    [InlineData("London", "", "", "Europe/London")]
    public void Sessions_reject_what_the_library_rejects(string session, string start, string end, string timeZone) =>
        Assert.Throws<ArgumentException>(() => Sessions.Compute(SmcFixtures.EurUsd, session, start, end, timeZone));

    [Fact]
    public void Time_frame_aliases_follow_pandas()
    {
        var df = SmcFixtures.EurUsd;
        Assert.Equal(Csv(PreviousHighLow.Compute(df, "1D")), Csv(PreviousHighLow.Compute(df, "1d")));
        Assert.Equal(Csv(PreviousHighLow.Compute(df, "1D")), Csv(PreviousHighLow.Compute(df, "D")));
        Assert.Equal(Csv(PreviousHighLow.Compute(df, "1h")), Csv(PreviousHighLow.Compute(df, "60min")));
        Assert.Equal(Csv(PreviousHighLow.Compute(df, "4h")), Csv(PreviousHighLow.Compute(df, "240T")));
        Assert.Equal(Csv(PreviousHighLow.Compute(df, "W")), Csv(PreviousHighLow.Compute(df, "W-SUN")));
    }

    [Fact]
    public void Monthly_levels_are_two_months_back_except_on_the_label_day()
    {
        var df = SmcFixtures.EurUsd;
        var result = PreviousHighLow.Compute(df, "M");
        var times = df.Times.ToArray();
        double octoberHigh = double.MinValue;
        for (var i = 0; i < df.Count && times[i].Month == 10; i++)
            octoberHigh = Math.Max(octoberHigh, df.High[i]);
        int At(int month, int day, int hour)
        {
            var target = new DateTime(2022, month, day, hour, 0, 0, DateTimeKind.Utc);
            var i = 0;
            while (times[i] != target)
                i++;
            return i;
        }
        // B10: "M" bins are labelled at 00:00 of the month's last day, after the month's other
        // bars, so November bars have only one earlier label (NaN) except on Nov 30 itself,
        // where the own label is already past and the reference is October.
        Assert.True(float.IsNaN(result.PreviousHigh[At(11, 29, 10)]));
        Assert.Equal((float)octoberHigh, result.PreviousHigh[At(11, 30, 10)]);
        Assert.Equal((float)octoberHigh, result.PreviousHigh[At(12, 1, 10)]);
    }

    [Theory]
    [InlineData("7X")]
    [InlineData("2W")]
    [InlineData("")]
    [InlineData("0h")]
    public void Unsupported_time_frames_throw(string timeFrame) =>
        Assert.Throws<ArgumentException>(() => PreviousHighLow.Compute(SmcFixtures.EurUsd, timeFrame));

    [Fact]
    public void Series_rejects_non_finite_values_and_mismatched_lengths()
    {
        double[] ok = [1, 2, 3];
        Assert.Throws<ArgumentException>(() => new SmcSeries(ok, [1, double.NaN, 3], ok, ok, ok));
        Assert.Throws<ArgumentException>(() => new SmcSeries(ok, ok, ok, ok, [0, 0]));
        Assert.Throws<ArgumentException>(() => new SmcSeries(ok, ok, ok, ok, ok, [DateTime.UnixEpoch]));
        Assert.Throws<ArgumentOutOfRangeException>(() => SwingHighsLows.Compute(new SmcSeries(ok, ok, ok, ok, ok), 0));
    }

    [Fact]
    public void Empty_and_tiny_series_do_not_throw()
    {
        var empty = new SmcSeries([], [], [], [], [], []);
        var swings = SwingHighsLows.Compute(empty, 5);
        Assert.Equal(0, BosChoch.Compute(empty, swings).RowCount);
        Assert.Equal(0, OrderBlocks.Compute(empty, swings).RowCount);
        Assert.Equal(0, FairValueGaps.Compute(empty, true).RowCount);
        Assert.Equal(0, Liquidity.Compute(empty, swings).RowCount);
        Assert.Equal(0, Retracements.Compute(empty, swings).RowCount);
        Assert.Equal(0, PreviousHighLow.Compute(empty, "1D").RowCount);
        Assert.Equal(0, Sessions.Compute(empty, "London").RowCount);
        Assert.Equal("HighLow,Level\n", Csv(swings));

        var one = new SmcSeries([1], [1], [1], [1], [0], [DateTime.UnixEpoch]);
        var r = Retracements.Compute(one, SwingHighsLows.Compute(one, 1));
        Assert.Equal("Direction,CurrentRetracement%,DeepestRetracement%\n0,0.0,0.0\n", Csv(r));
    }

    [Fact]
    public void Swing_based_functions_check_the_row_count()
    {
        var swings = SwingHighsLows.Compute(SmcFixtures.Tiny3, 1);
        Assert.Throws<ArgumentException>(() => BosChoch.Compute(SmcFixtures.EurUsd, swings));
        Assert.Throws<ArgumentException>(() => OrderBlocks.Compute(SmcFixtures.EurUsd, swings));
        Assert.Throws<ArgumentException>(() => Liquidity.Compute(SmcFixtures.EurUsd, swings));
        Assert.Throws<ArgumentException>(() => Retracements.Compute(SmcFixtures.EurUsd, swings));
    }
}
