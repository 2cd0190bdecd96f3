namespace GoldBot.Tests.Indicators;

/// <summary>
/// The incremental class of every indicator, fed one bar at a time, gives exactly (bit for bit) what
/// its independently written batch form gives, at every index, on default.csv and on the real MGC
/// bars. No tolerance is needed: both forms add the same terms in the same order.
/// </summary>
public sealed class IncrementalMatchesBatchTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var dataset in new[] { "default", "mgc" })
        {
            foreach (var name in IndicatorRuns.Names)
                data.Add(dataset, name);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Incremental_equals_batch_at_every_index(string dataset, string indicator)
    {
        var input = IndicatorInput.Named(dataset);
        var batch = IndicatorRuns.Batch(indicator, input);
        var incremental = IndicatorRuns.Incremental(indicator, input);

        Assert.Equal(batch.Keys.Order(), incremental.Keys.Order());
        foreach (var (field, expected) in batch)
        {
            var actual = incremental[field];
            Assert.Equal(input.Bars.Count, expected.Length);
            Assert.Equal(expected.Length, actual.Length);
            Assert.Contains(expected, v => v.HasValue);
            for (var i = 0; i < expected.Length; i++)
            {
                Assert.True(Nullable.Equals(expected[i], actual[i]),
                    $"{dataset} {indicator}.{field}[{i}]: batch {expected[i]:R}, incremental {actual[i]:R}");
            }
        }
    }
}
