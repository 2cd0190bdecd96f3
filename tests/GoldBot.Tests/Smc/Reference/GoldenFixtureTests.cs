using GoldBot.Smc.Reference;

namespace GoldBot.Tests.Smc.Reference;

/// <summary>
/// One test per golden file in ../shared/fixtures/smc (11 upstream) and extra/ (17 expected
/// files): the reference port's CSV must equal the file byte for byte. Calls as in the
/// fixtures README; swings are swing_highs_lows(df, 5) unless the name says otherwise.
/// </summary>
public sealed class GoldenFixtureTests
{
    private static ISmcFrame Produce(string file)
    {
        var df = SmcFixtures.EurUsd;
        var swings = SmcFixtures.EurUsdSwings(5);
        return file switch
        {
            "fvg_result_data.csv" => FairValueGaps.Compute(df),
            "fvg_consecutive_result_data.csv" => FairValueGaps.Compute(df, joinConsecutive: true),
            "swing_highs_lows_result_data.csv" => SwingHighsLows.Compute(df, 5),
            "bos_choch_result_data.csv" => BosChoch.Compute(df, swings),
            "ob_result_data.csv" => OrderBlocks.Compute(df, swings),
            "liquidity_result_data.csv" => Liquidity.Compute(df, swings),
            "previous_high_low_result_data_4h.csv" => PreviousHighLow.Compute(df, "4h"),
            "previous_high_low_result_data_1D.csv" => PreviousHighLow.Compute(df, "1D"),
            "previous_high_low_result_data_W.csv" => PreviousHighLow.Compute(df, "W"),
            "sessions_result_data.csv" => Sessions.Compute(df, "London"),
            "retracements_result_data.csv" => Retracements.Compute(df, swings),
            "extra/swing_highs_lows_len10_result_data.csv" => SwingHighsLows.Compute(df, 10),
            "extra/swing_highs_lows_len50_result_data.csv" => SwingHighsLows.Compute(df, 50),
            "extra/bos_choch_len50_result_data.csv" => BosChoch.Compute(df, SmcFixtures.EurUsdSwings(50)),
            "extra/bos_choch_closebreak_false_result_data.csv" => BosChoch.Compute(df, swings, closeBreak: false),
            "extra/ob_len50_result_data.csv" => OrderBlocks.Compute(df, SmcFixtures.EurUsdSwings(50)),
            "extra/ob_close_mitigation_result_data.csv" => OrderBlocks.Compute(df, swings, closeMitigation: true),
            "extra/ob_tickvol_result_data.csv" => OrderBlocks.Compute(df.WithVolume(SmcFixtures.Column("EURUSD_15M.csv", "Tickvol")), swings),
            "extra/liquidity_len50_result_data.csv" => Liquidity.Compute(df, SmcFixtures.EurUsdSwings(50)),
            "extra/liquidity_range0005_result_data.csv" => Liquidity.Compute(df, swings, rangePercent: 0.005),
            "extra/retracements_len50_result_data.csv" => Retracements.Compute(df, SmcFixtures.EurUsdSwings(50)),
            "extra/previous_high_low_result_data_1h.csv" => PreviousHighLow.Compute(df, "1h"),
            "extra/sessions_NewYork_result_data.csv" => Sessions.Compute(df, "New York"),
            "extra/sessions_Sydney_result_data.csv" => Sessions.Compute(df, "Sydney"),
            "extra/sessions_AsianKillZone_result_data.csv" => Sessions.Compute(df, "Asian kill zone"),
            "extra/sessions_London_tzUTC+2_result_data.csv" => Sessions.Compute(df, "London", timeZone: "UTC+2"),
            "extra/tiny3_swing_highs_lows_len1_result_data.csv" => SwingHighsLows.Compute(SmcFixtures.Tiny3, 1),
            "extra/tiny3_ob_result_data.csv" => OrderBlocks.Compute(SmcFixtures.Tiny3, SwingHighsLows.Compute(SmcFixtures.Tiny3, 1)),
            _ => throw new ArgumentException($"no call known for {file}", nameof(file)),
        };
    }

    [Theory]
    [InlineData("fvg_result_data.csv")]
    [InlineData("fvg_consecutive_result_data.csv")]
    [InlineData("swing_highs_lows_result_data.csv")]
    [InlineData("bos_choch_result_data.csv")]
    [InlineData("ob_result_data.csv")]
    [InlineData("liquidity_result_data.csv")]
    [InlineData("previous_high_low_result_data_4h.csv")]
    [InlineData("previous_high_low_result_data_1D.csv")]
    [InlineData("previous_high_low_result_data_W.csv")]
    [InlineData("sessions_result_data.csv")]
    [InlineData("retracements_result_data.csv")]
    public void Upstream_file_is_reproduced_byte_for_byte(string file) =>
        FrameAssert.TextIdentical(SmcFixtures.PathOf(file), Produce(file));

    [Theory]
    [InlineData("extra/swing_highs_lows_len10_result_data.csv")]
    [InlineData("extra/swing_highs_lows_len50_result_data.csv")]
    [InlineData("extra/bos_choch_len50_result_data.csv")]
    [InlineData("extra/bos_choch_closebreak_false_result_data.csv")]
    [InlineData("extra/ob_len50_result_data.csv")]
    [InlineData("extra/ob_close_mitigation_result_data.csv")]
    [InlineData("extra/ob_tickvol_result_data.csv")]
    [InlineData("extra/liquidity_len50_result_data.csv")]
    [InlineData("extra/liquidity_range0005_result_data.csv")]
    [InlineData("extra/retracements_len50_result_data.csv")]
    [InlineData("extra/previous_high_low_result_data_1h.csv")]
    [InlineData("extra/sessions_NewYork_result_data.csv")]
    [InlineData("extra/sessions_Sydney_result_data.csv")]
    [InlineData("extra/sessions_AsianKillZone_result_data.csv")]
    [InlineData("extra/sessions_London_tzUTC+2_result_data.csv")]
    [InlineData("extra/tiny3_swing_highs_lows_len1_result_data.csv")]
    [InlineData("extra/tiny3_ob_result_data.csv")]
    public void Extra_file_is_reproduced_byte_for_byte(string file) =>
        FrameAssert.TextIdentical(SmcFixtures.PathOf(file), Produce(file));

    [Fact]
    public void Every_fixture_file_has_a_test()
    {
        var covered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var method in new[] { nameof(Upstream_file_is_reproduced_byte_for_byte), nameof(Extra_file_is_reproduced_byte_for_byte) })
        {
            foreach (var data in typeof(GoldenFixtureTests).GetMethod(method)!.GetCustomAttributes(typeof(InlineDataAttribute), false))
                covered.Add((string)((InlineDataAttribute)data).GetData(null!).Single()[0]);
        }
        var root = SharedData.Path(SmcFixtures.Folder);
        var onDisk = Directory.GetFiles(root, "*_result_data*.csv", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(root, p).Replace('\\', '/'))
            .ToHashSet(StringComparer.Ordinal);
        Assert.Equal(onDisk.Order(), covered.Order());
    }
}
