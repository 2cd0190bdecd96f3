using System.Globalization;

namespace GoldBot.Tests.Indicators;

/// <summary>One row of a Stock.Indicators test quote file, parsed the way its tests parse it.</summary>
internal sealed record Quote(DateTime Date, decimal Open, decimal High, decimal Low, decimal Close, decimal Volume);

/// <summary>
/// Loads <c>fixtures/indicators/quotes/*.csv</c> following the fixture README's "How the tests load
/// the data": every line after the header is <c>date,open,high,low,close,volume</c>; numbers go
/// through <c>decimal.TryParse</c> with 0 on failure; a blank or bad date becomes
/// <c>default(DateTime)</c>. Dates are parsed with the invariant culture, which reads the same
/// month-first formats as en-US (en-US itself is unavailable under InvariantGlobalization).
/// <c>File.ReadAllLines</c> drops the UTF-8 BOM of compare.csv, intraday.csv and the others.
/// </summary>
internal static class QuoteFile
{
    private static readonly Lazy<IReadOnlyList<Quote>> DefaultQuotes = new(() => Sorted("default.csv"));
    private static readonly Lazy<IReadOnlyList<Quote>> CompareQuotes = new(() => Sorted("compare.csv"));
    private static readonly Lazy<IReadOnlyList<Quote>> IntradayQuotes = new(() => Sorted("intraday.csv").Take(391).ToList());

    /// <summary>default.csv: 502 daily SPY bars, ascending (GetDefault()).</summary>
    public static IReadOnlyList<Quote> Default => DefaultQuotes.Value;

    /// <summary>compare.csv: 502 daily TSLA bars on the same dates (GetCompare()).</summary>
    public static IReadOnlyList<Quote> Compare => CompareQuotes.Value;

    /// <summary>The first 391 rows of intraday.csv after sorting ascending (one session; the VWAP tests).</summary>
    public static IReadOnlyList<Quote> Intraday391 => IntradayQuotes.Value;

    /// <summary>The rows of a quote file in file order (mismatch.csv is used this way).</summary>
    public static IReadOnlyList<Quote> Read(string name)
    {
        var lines = File.ReadAllLines(SharedData.Path("fixtures/indicators/quotes/" + name));
        var quotes = new List<Quote>(lines.Length);
        foreach (var line in lines.Skip(1))
        {
            if (line.Length == 0)
                continue;
            var v = line.Split(',');
            quotes.Add(new Quote(
                DateTime.TryParse(Field(v, 0), CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : default,
                Number(Field(v, 1)),
                Number(Field(v, 2)),
                Number(Field(v, 3)),
                Number(Field(v, 4)),
                Number(Field(v, 5))));
        }
        return quotes;
    }

    /// <summary>The rows of a quote file sorted ascending by date (stable), as the library orders them.</summary>
    public static IReadOnlyList<Quote> Sorted(string name) => Read(name).OrderBy(q => q.Date).ToList();

    private static string Field(string[] values, int index) => index < values.Length ? values[index] : "";

    private static decimal Number(string text) =>
        decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : 0m;
}
