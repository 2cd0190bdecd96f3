using GoldBot.Smc;

namespace GoldBot.Tests.Smc;

public sealed class SmcOptionsTests
{
    [Fact]
    public void The_defaults_have_no_problems()
    {
        Assert.Empty(new SmcOptions().Problems());
        Assert.Empty(new SmcOptions { SwingLength = 5 }.Problems());
    }

    [Fact]
    public void Every_out_of_range_property_is_listed_by_name()
    {
        var options = new SmcOptions
        {
            InternalSwingLength = 0,
            SwingLength = -2,
            MinDisplacementTicks = 0,
            VolumeRatio = double.NaN,
            VolumeLookback = 2000,
            MaxOrderBlockAge = 0,
            MinFairValueGapTicks = -1,
            EqualLevelToleranceTicks = -3,
            MaxActiveZones = 0,
            MaxActiveGaps = SmcOptions.MaxTrackedCapacity + 1,
            MaxLiquidityLevels = 1,
            HistoryCapacity = 3,
            OteStart = 0,
            OteEnd = 1,
        };
        var problems = options.Problems();
        string[] properties =
        [
            "InternalSwingLength", "SwingLength", "MinDisplacementTicks", "VolumeRatio", "VolumeLookback", "MaxOrderBlockAge",
            "MinFairValueGapTicks", "EqualLevelToleranceTicks", "MaxActiveZones", "MaxActiveGaps", "MaxLiquidityLevels",
            "HistoryCapacity", "OteStart", "OteEnd",
        ];
        Assert.Equal(properties, problems.Select(p => p[..p.IndexOf(' ', StringComparison.Ordinal)]));
        Assert.Contains("HistoryCapacity must be from 4× the longer of InternalSwingLength and SwingLength (4) to 1048576 bars, not 3", problems);
        Assert.Contains("VolumeRatio must be a finite multiple ≥ 1 of the average volume, not NaN", problems);
    }

    [Fact]
    public void A_history_too_large_to_allocate_is_refused_without_overflow()
    {
        var problems = new SmcOptions { SwingLength = int.MaxValue, HistoryCapacity = int.MaxValue }.Problems();
        Assert.Contains(problems, p => p.StartsWith("HistoryCapacity must be from 4× the longer", StringComparison.Ordinal));
    }

    [Fact]
    public void The_engine_refuses_bad_options_listing_all_of_them()
    {
        var e = Assert.Throws<ArgumentException>(() => new SmcEngine(new SmcOptions { MaxOrderBlockAge = 0, VolumeRatio = 0.5 }, TimeSpan.FromMinutes(15)));
        Assert.Equal("invalid SMC options: VolumeRatio must be a finite multiple ≥ 1 of the average volume, not 0.5; MaxOrderBlockAge must be ≥ 1 bar, not 0", e.Message);
    }
}
