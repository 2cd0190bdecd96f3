using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using GoldBot.Market;
using GoldBot.MarketData;

namespace GoldBot.Tests.MarketData;

/// <summary>
/// The bars reader as it was before Sep (CsvHelper over the whole file), kept verbatim as the reference that
/// <see cref="BarCsvReaderEquivalenceTests"/> compares the current reader with. Not used by the product.
/// </summary>
internal static class CsvHelperReferenceReader
{
    private static readonly string[] TimeColumns = ["timestamp", "timestamp_utc", "time", "time_server", "datetime", "date", "gmt time"];
    private static readonly string[] VolumeColumns = ["volume", "vol", "tickvol", "tick_volume"];

    // A gap no market has between two bars (a long holiday closure is days): a stamp this far past the last one that the next
    // row does not follow is a typo, dropped as one bad row.
    private static readonly TimeSpan FarAhead = TimeSpan.FromDays(30);

    private static readonly string[] TimeFormats =
    [
        "yyyy-MM-dd HH:mm:sszzz", "yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-dd HH:mm:ss",
        "yyyy-MM-ddTHH:mm:ss", "yyyy.MM.dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd",
    ];

    /// <summary>Reads and validates bars from an open reader; <paramref name="name"/> is used in messages.</summary>
    public static BarFile Read(TextReader reader, string name, BadBarPolicy policy = BadBarPolicy.Skip, bool requireTime = true, decimal? tickSize = null, BarFileOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        options ??= BarFileOptions.Default;
        // A quote cannot carry a field over a line end: a stray quote makes its own row bad and swallows nothing (RFC 4180 allows
        // line breaks in quoted fields; no bars file has them). Each record is then one line, so Parser.Row is its line number.
        var badQuote = false;
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectColumnCountChanges = false,
            LineBreakInQuotedFieldIsBadData = true,
            BadDataFound = _ => badQuote = true,
            MissingFieldFound = null,
        };
        using var csv = new CsvReader(reader, config);
        if (!csv.Read())
            throw new BarFileException($"bars file {name} is empty");
        csv.ReadHeader();
        var header = (csv.HeaderRecord ?? []).Select(h => h.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToArray();

        int Find(params string[] names)
        {
            foreach (var n in names)
            {
                var i = Array.IndexOf(header, n);
                if (i >= 0)
                    return i;
            }
            return -1;
        }

        var timeIx = Find(TimeColumns);
        var openIx = Find("open");
        var highIx = Find("high");
        var lowIx = Find("low");
        var closeIx = Find("close");
        var volumeIx = Find(VolumeColumns);
        var missing = new List<string>();
        if (timeIx < 0 && requireTime) missing.Add("time (timestamp, timestamp_utc, time, datetime or date)");
        if (openIx < 0) missing.Add("open");
        if (highIx < 0) missing.Add("high");
        if (lowIx < 0) missing.Add("low");
        if (closeIx < 0) missing.Add("close");
        if (missing.Count > 0)
            throw new BarFileException($"bars file {name} has no column for {string.Join(", ", missing)}; header is '{string.Join(",", csv.HeaderRecord ?? [])}'");

        var serverTime = timeIx >= 0 && (header[timeIx] == "time_server"
            || System.IO.Path.GetFileName(name).Contains("servertime", StringComparison.OrdinalIgnoreCase));
        var format = new RowFormat(timeIx, openIx, highIx, lowIx, closeIx, volumeIx, options);
        var bars = new List<Bar>();
        var problems = new List<BarProblem>();
        var zeroVolumeDropped = 0;
        DateTimeOffset? previous = null;
        var synthetic = DateTimeOffset.UnixEpoch;
        var outlier = (Bar: default(Bar), Line: 0, Before: (DateTimeOffset?)null);
        while (csv.Read())
        {
            var line = csv.Parser.Row;
            var reason = TryParseRow(csv, format, out var bar, out var naive, out var zeroVolume);
            if (badQuote) // found as the row's fields were read
                reason = "unbalanced or stray quote";
            badQuote = false;
            if (reason is null && naive && serverTime && options.SourceTimeZone is null)
            {
                throw new BarFileException($"bars file {name} stamps broker server time without a UTC offset ('{csv.GetField(timeIx)}' on line {line}); "
                    + "set BarFileOptions.SourceTimeZone (BarTimeZone.NewYorkClose for an MT5 NY-close server)");
            }
            if (reason is null && zeroVolume && options.DropZeroVolume)
            {
                zeroVolumeDropped++;
                continue;
            }
            if (reason is null)
            {
                if (timeIx < 0)
                {
                    bar = bar with { OpenTime = synthetic };
                    synthetic = synthetic.AddMinutes(1);
                }
                reason = BarValidator.Check(bar, previous, tickSize);
                // One stamp far ahead of its neighbours (a typo'd year) is the bad row, not every row after it.
                if (reason is not null && outlier.Line > 0 && bars.Count > 0 && bars[^1].OpenTime == outlier.Bar.OpenTime
                    && BarValidator.Check(bar, outlier.Before, tickSize) is null)
                {
                    bars.RemoveAt(bars.Count - 1);
                    problems.Add(new BarProblem(outlier.Line, $"time {outlier.Bar.OpenTime:yyyy-MM-dd HH:mm:ss}Z is far ahead of the bars around it"));
                    reason = null;
                }
            }
            if (reason is not null)
            {
                if (policy == BadBarPolicy.Reject)
                    throw new BarFileException($"bars file {name} line {line}: {reason} (policy Reject refuses the file)");
                problems.Add(new BarProblem(line, reason));
                continue;
            }
            outlier = previous is { } before && bar.OpenTime - before > FarAhead ? (bar, line, before) : default;
            bars.Add(bar);
            previous = bar.OpenTime;
        }

        if (bars.Count == 0)
            throw new BarFileException($"bars file {name} has no valid bars ({problems.Count} bad rows)");
        problems.Sort((a, b) => a.Line.CompareTo(b.Line));
        return new BarFile(name, bars, problems, timeIx >= 0, timeIx >= 0 ? MostCommonSpacing(bars) : TimeSpan.FromMinutes(1), zeroVolumeDropped);
    }

    private sealed record RowFormat(int Time, int Open, int High, int Low, int Close, int Volume, BarFileOptions Options);

    private static string? TryParseRow(CsvReader csv, RowFormat format, out Bar bar, out bool naive, out bool zeroVolume)
    {
        bar = default;
        naive = false;
        zeroVolume = false;
        var time = DateTimeOffset.UnixEpoch;
        if (format.Time >= 0)
        {
            var text = csv.GetField(format.Time);
            var reason = TryParseTime(text, format.Options.SourceTimeZone ?? BarTimeZone.Utc, out time, out naive);
            if (reason is not null)
                return reason;
        }
        if (!TryParsePrice(csv.GetField(format.Open), out var open)) return $"bad open '{csv.GetField(format.Open)}'";
        if (!TryParsePrice(csv.GetField(format.High), out var high)) return $"bad high '{csv.GetField(format.High)}'";
        if (!TryParsePrice(csv.GetField(format.Low), out var low)) return $"bad low '{csv.GetField(format.Low)}'";
        if (!TryParsePrice(csv.GetField(format.Close), out var close)) return $"bad close '{csv.GetField(format.Close)}'";
        long volume = 0;
        if (format.Volume >= 0)
        {
            var text = csv.GetField(format.Volume);
            if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
                return $"bad volume '{text}'";
            if (v != decimal.Truncate(v))
            {
                if (!format.Options.RoundFractionalVolume)
                    return $"bad volume '{text}'";
                v = decimal.Round(v, MidpointRounding.AwayFromZero);
            }
            else
            {
                zeroVolume = v == 0;
            }
            if (v > long.MaxValue)
                return $"volume '{text}' is too large";
            volume = (long)v;
        }
        bar = new Bar(time, open, high, low, close, volume);
        return null;
    }

    private static bool TryParsePrice(string? text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    /// <summary>
    /// Parses a bar time. Text with an offset (<c>Z</c>, <c>±hh:mm</c>) uses it; text without one is
    /// read on <paramref name="clock"/>. Returns null on success (the instant in UTC) or the reason.
    /// </summary>
    internal static string? TryParseTime(string? text, BarTimeZone clock, out DateTimeOffset utc, out bool naive)
    {
        utc = default;
        naive = false;
        if (!DateTime.TryParseExact(text, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var parsed)
            && !DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out parsed))
            return $"bad time '{text}'";
        if (parsed.Kind == DateTimeKind.Utc)
        {
            utc = new DateTimeOffset(parsed, TimeSpan.Zero);
            return null;
        }
        naive = true;
        return clock.TryToUtc(parsed, out utc) ? null : $"time '{text}' does not exist on the {clock.Name} clock (skipped when daylight saving starts)";
    }

    private static TimeSpan MostCommonSpacing(List<Bar> bars)
    {
        if (bars.Count < 2)
            return TimeSpan.FromMinutes(1);
        var counts = new Dictionary<TimeSpan, int>();
        for (var i = 1; i < bars.Count; i++)
        {
            var d = bars[i].OpenTime - bars[i - 1].OpenTime;
            counts[d] = counts.GetValueOrDefault(d) + 1;
        }
        return counts.MaxBy(kv => kv.Value).Key;
    }
}
