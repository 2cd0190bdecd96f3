using GoldBot.Smc.Reference;

namespace GoldBot.Tests.Smc.Reference;

/// <summary>
/// The five mostly empty frames store only their signal rows (<see cref="SmcColumn"/>); every way of
/// reading a column (by row, as one value per bar, formatted, counted) must agree with the others.
/// </summary>
public sealed class SparseColumnTests
{
    public static TheoryData<string> Frames() => ["swings", "bos_choch", "ob", "fvg", "fvg_joined", "liquidity"];

    private static ISmcFrame Frame(string name)
    {
        var df = SmcFixtures.EurUsd;
        var swings = SmcFixtures.EurUsdSwings(5);
        return name switch
        {
            "swings" => swings,
            "bos_choch" => BosChoch.Compute(df, swings),
            "ob" => OrderBlocks.Compute(df, swings),
            "fvg" => FairValueGaps.Compute(df),
            "fvg_joined" => FairValueGaps.Compute(df, joinConsecutive: true),
            "liquidity" => Liquidity.Compute(df, swings),
            _ => throw new ArgumentException(name, nameof(name)),
        };
    }

    // The typed one-value-per-bar spans of each result, in column order.
    private static double[][] DenseColumns(ISmcFrame frame) => frame switch
    {
        SwingHighsLowsResult r => [r.HighLow.ToArray(), r.Level.ToArray()],
        BosChochResult r => [r.Bos.ToArray(), r.Choch.ToArray(), Widen(r.Level), r.BrokenIndex.ToArray()],
        OrderBlocksResult r => [r.Ob.ToArray(), Widen(r.Top), Widen(r.Bottom), Widen(r.ObVolume), r.MitigatedIndex.ToArray(), Widen(r.Percentage)],
        FairValueGapsResult r => [r.Fvg.ToArray(), r.Top.ToArray(), r.Bottom.ToArray(), r.MitigatedIndex.ToArray()],
        LiquidityResult r => [Widen(r.LiquidityType), Widen(r.Level), Widen(r.End), Widen(r.Swept)],
        _ => throw new ArgumentException(frame.GetType().Name, nameof(frame)),
    };

    private static double[] Widen(ReadOnlySpan<float> values)
    {
        var wide = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
            wide[i] = values[i];
        return wide;
    }

    [Theory]
    [MemberData(nameof(Frames))]
    public void Reading_by_row_equals_the_one_value_per_bar_span(string name)
    {
        var frame = Frame(name);
        var dense = DenseColumns(frame);
        Assert.Equal(frame.Columns.Count, dense.Length);
        for (var c = 0; c < dense.Length; c++)
        {
            var column = frame.Columns[c];
            Assert.Equal(SmcFixtures.EurUsd.Count, dense[c].Length);
            var values = 0;
            for (var row = 0; row < column.Length; row++)
            {
                Assert.Equal(dense[c][row], column[row]);
                values += double.IsNaN(column[row]) ? 0 : 1;
            }
            // The fixture's signals are a small part of its rows, and present in every column.
            Assert.InRange(values, 1, column.Length / 2);
        }
    }

    [Theory]
    [MemberData(nameof(Frames))]
    public void Signal_count_equals_the_count_over_every_row(string name)
    {
        var frame = Frame(name);
        var dense = DenseColumns(frame);
        // BOS/CHOCH count rows with a BOS or a CHOCH (not the orphan BrokenIndex rows); the others any column.
        var signalColumns = frame is BosChochResult ? dense[..2] : dense[..1];
        var expected = Enumerable.Range(0, frame.RowCount).Count(row => signalColumns.Any(column => !double.IsNaN(column[row])));
        Assert.Equal(expected, frame.SignalCount);
    }

    [Fact]
    public void A_row_outside_the_frame_is_an_error_not_an_empty_value()
    {
        var column = SmcFixtures.EurUsdSwings(5).Columns[0];
        Assert.Throws<IndexOutOfRangeException>(() => column[-1]);
        Assert.Throws<IndexOutOfRangeException>(() => column[column.Length]);
    }

    [Fact]
    public void Hand_made_swings_keep_rows_that_have_only_a_level()
    {
        double[] highLow = [double.NaN, 1, double.NaN, -1, double.NaN];
        double[] level = [double.NaN, 1.5, 1.25, 1.0, double.NaN];
        var swings = SwingHighsLowsResult.FromColumns(highLow, level);
        Assert.Equal(highLow, swings.HighLow.ToArray());
        Assert.Equal(level, swings.Level.ToArray());
        Assert.Equal(2, swings.SignalCount);
        Assert.Equal("HighLow,Level\n,\n1.0,1.5\n,1.25\n-1.0,1.0\n,\n", SmcCsvWriter.ToCsv(swings));
    }
}
