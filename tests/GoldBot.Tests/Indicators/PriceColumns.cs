using GoldBot.Market;
using GoldBot.MarketData;

namespace GoldBot.Tests.Indicators;

/// <summary>
/// A bar series as the columns the batch indicator forms read, converted from decimal to double as
/// Skender does. Quote dates become offsets of zero (only their order and equality matter).
/// </summary>
internal sealed record PriceColumns(
    string Name,
    DateTimeOffset[] Time,
    double[] Open,
    double[] High,
    double[] Low,
    double[] Close,
    double[] Volume)
{
    private static readonly Lazy<IReadOnlyList<Bar>> MgcBarList =
        new(() => BarCsvReader.Read(SharedData.MgcBars, BadBarPolicy.Reject).Bars);
    private static readonly Lazy<PriceColumns> DefaultColumns = new(() => From("default", QuoteFile.Default));
    private static readonly Lazy<PriceColumns> CompareColumns = new(() => From("compare", QuoteFile.Compare));
    private static readonly Lazy<PriceColumns> MgcColumns = new(() => From("mgc", MgcBarList.Value));

    public int Count => Time.Length;

    /// <summary>The real MGC 3-minute bars (12,382 rows), read by the project's own CSV reader.</summary>
    public static IReadOnlyList<Bar> MgcBars => MgcBarList.Value;

    public static PriceColumns From(string name, IReadOnlyList<Quote> quotes) => new(
        name,
        quotes.Select(q => new DateTimeOffset(DateTime.SpecifyKind(q.Date, DateTimeKind.Unspecified), TimeSpan.Zero)).ToArray(),
        quotes.Select(q => (double)q.Open).ToArray(),
        quotes.Select(q => (double)q.High).ToArray(),
        quotes.Select(q => (double)q.Low).ToArray(),
        quotes.Select(q => (double)q.Close).ToArray(),
        quotes.Select(q => (double)q.Volume).ToArray());

    public static PriceColumns From(string name, IReadOnlyList<Bar> bars) => new(
        name,
        bars.Select(b => b.OpenTime).ToArray(),
        bars.Select(b => (double)b.Open).ToArray(),
        bars.Select(b => (double)b.High).ToArray(),
        bars.Select(b => (double)b.Low).ToArray(),
        bars.Select(b => (double)b.Close).ToArray(),
        bars.Select(b => (double)b.Volume).ToArray());

    /// <summary>default.csv (SPY daily).</summary>
    public static PriceColumns Default => DefaultColumns.Value;

    /// <summary>compare.csv (TSLA daily, same dates).</summary>
    public static PriceColumns Compare => CompareColumns.Value;

    /// <summary>The real MGC 3-minute bars.</summary>
    public static PriceColumns Mgc => MgcColumns.Value;

    /// <summary>A chained input: the previous indicator's nulls become NaN, the batch forms' missing-value marker.</summary>
    public static double[] Chain(double?[] values) => values.Select(v => v ?? double.NaN).ToArray();
}
