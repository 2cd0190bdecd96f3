using System.CommandLine;
using System.Globalization;
using GoldBot.Backtesting.Engine;
using GoldBot.Configuration;
using GoldBot.MarketData;

namespace GoldBot.Cli;

/// <summary>
/// <c>goldbot backtest --intermarket FILE [--intermarket-time-zone ZONE] [--from DATE] [--to DATE]</c>: the dollar proxy's
/// bars for the dollar filter (<c>Strategy:DollarFilter</c>, issue 12 §3) and the span of the traded bars, e.g. the overlap of
/// the XAUUSD 1-hour and DXY 30-minute files (2023-06-17 → 2025-06-16).
/// </summary>
/// <param name="File">The proxy's bars CSV (read like <c>--bars</c>; zero-volume filler rows dropped), or null.</param>
/// <param name="TimeZone">Clock of the proxy file's offset-less stamps (as <c>--time-zone</c>), or null: from its name, else UTC.</param>
/// <param name="From">First open time traded (a date is 00:00 UTC), or null for the file's start.</param>
/// <param name="To">Bars opening at or after this are dropped (a date is 00:00 UTC), or null for the file's end.</param>
internal sealed record IntermarketOptions(string? File, string? TimeZone, string? From, string? To)
{
    /// <summary>The four command-line options.</summary>
    internal sealed record Definitions(Option<string?> File, Option<string?> TimeZone, Option<string?> From, Option<string?> To)
    {
        /// <summary>All of them, to add to the command.</summary>
        public IEnumerable<Option> All => [File, TimeZone, From, To];

        /// <summary>What was given, or null when none of them was.</summary>
        public IntermarketOptions? Parse(ParseResult parse)
        {
            var options = new IntermarketOptions(parse.GetValue(File), parse.GetValue(TimeZone), parse.GetValue(From), parse.GetValue(To));
            return options is { File: null, TimeZone: null, From: null, To: null } ? null : options;
        }
    }

    /// <summary>Builds the options.</summary>
    public static Definitions CreateOptions() => new(
        new Option<string?>("--intermarket")
        {
            HelpName = "FILE",
            Description = "Bars CSV of a dollar proxy (e.g. ../shared/data/dxy_30m_dukascopy_2023-06-17_2025-06-16_utc.csv.gz) for the dollar filter "
                + "(Strategy:DollarFilter:Mode Block|SizeDown; Invert for 6E). Fed causally: a proxy bar is seen once it has closed. "
                + "With --compare, adds the filter's rows to the table.",
        },
        new Option<string?>("--intermarket-time-zone")
        {
            HelpName = "ZONE",
            Description = "Clock of the --intermarket file's stamps without a UTC offset, as --time-zone. Default: new-york-close for a file named *servertime*, else utc.",
        },
        new Option<string?>("--from") { HelpName = "DATE", Description = "Trade only bars opening at or after DATE (yyyy-MM-dd or an ISO date-time; UTC unless an offset is given)." },
        new Option<string?>("--to") { HelpName = "DATE", Description = "Trade only bars opening before DATE (yyyy-MM-dd or an ISO date-time; UTC unless an offset is given)." });

    /// <summary>
    /// Cuts <paramref name="file"/>'s bars to [<see cref="From"/>, <see cref="To"/>) and reads the proxy's bars (in
    /// <paramref name="proxyZone"/>), adding a note on each to <paramref name="notes"/>.
    /// </summary>
    /// <exception cref="ArgumentException">A bad date, no bars left, or a proxy file that cannot be used (one line).</exception>
    public (BarFile File, IntermarketBars? Proxy) Apply(BarFile file, GoldBotSettings settings, BarTimeZone? proxyZone, List<string> notes)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(notes);
        var from = Date(From, "--from");
        var to = Date(To, "--to");
        if (from is not null && to is not null && from >= to)
            throw new ArgumentException($"--from {From} is not before --to {To}: the span [from, to) would be empty");
        if (from is not null || to is not null)
        {
            var kept = file.Bars.Where(b => (from is null || b.OpenTime >= from) && (to is null || b.OpenTime < to)).ToList();
            if (kept.Count == 0)
                throw new ArgumentException($"no bars of {file.Path} open in [{From ?? "start"}, {To ?? "end"})");
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"span: {kept.Count:N0} of {file.Bars.Count:N0} bars, {kept[0].OpenTime.UtcDateTime:yyyy-MM-dd HH:mm} → {kept[^1].OpenTime.UtcDateTime:yyyy-MM-dd HH:mm} UTC (--from/--to)"));
            file = file with { Bars = kept };
        }
        if (File is null)
            return (file, null);

        BarFile proxy;
        try
        {
            proxy = Intermarket.DollarProxyFile.Read(File, settings, proxyZone);
        }
        catch (BarFileException e)
        {
            throw new ArgumentException($"--intermarket: {e.Message}");
        }
        var filter = settings.Strategy.DollarFilter;
        var first = file.Bars[0].OpenTime;
        var last = file.Bars[^1].OpenTime;
        var overlap = proxy.Bars.Count(b => b.OpenTime >= first && b.OpenTime <= last);
        notes.Add(string.Create(CultureInfo.InvariantCulture,
            $"intermarket: {Path.GetFileName(proxy.Path)}, {proxy.Bars.Count:N0} bars of {proxy.Period.TotalMinutes:0.##} min ({proxy.ZeroVolumeDropped:N0} zero-volume filler rows dropped), "
            + $"{proxy.Bars[0].OpenTime.UtcDateTime:yyyy-MM-dd HH:mm} → {proxy.Bars[^1].OpenTime.UtcDateTime:yyyy-MM-dd HH:mm} UTC, {overlap:N0} inside the traded span; "
            + $"dollar filter {filter.Mode}{(filter.Invert ? ", inverted" : "")}, correlation of {filter.CorrelationWindowHours} hourly returns ≤ {filter.CorrelationThreshold}, "
            + $"trend vs {filter.TrendEmaHours} h EMA beyond ±{filter.TrendThresholdPercent} %"));
        if (proxy.Problems.Count > 0)
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"warning: {proxy.Problems.Count} bad rows skipped in {proxy.Path}: {proxy.ProblemCounts()}"));
        if (overlap == 0)
            notes.Add("warning: the intermarket bars do not overlap the traded bars: the filter has no proxy data and blocks nothing");
        return (file, new IntermarketBars(Path.GetFileName(proxy.Path), proxy.Bars, proxy.Period));
    }

    private static DateTimeOffset? Date(string? text, string option)
    {
        if (text is null)
            return null;
        if (DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
            return value;
        throw new ArgumentException($"{option} '{text}' is not a date (yyyy-MM-dd) or an ISO date-time");
    }
}
