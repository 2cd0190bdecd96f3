using System.Globalization;
using System.Net;
using System.Runtime.ExceptionServices;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace GoldBot.Backtesting.Report;

/// <summary>
/// Writes a <see cref="ReportDocument"/> as one self-contained HTML file (report.html): inline CSS,
/// TradingView Lightweight Charts 4.2.3 inlined from the vendored standalone build
/// (Report/vendor/README.md), the chart data as a JSON <c>&lt;script&gt;</c> block, and every table
/// rendered as HTML. The page needs no network. Its script draws the equity and drawdown curves over
/// the whole run (a point per chart candle, or per UTC day on runs longer than <see cref="DailyCurveAfter"/>,
/// fitted to the chart's width), the price chart (candles, order blocks, entries and exits), checks every table
/// cell bound to stats.json (<see cref="ReportCell.StatsPointer"/>, rule <see cref="StatsCellMatch"/>),
/// moves the price chart to a row's <see cref="ReportSpan"/> when the row is clicked or named in the
/// address (<c>#trade-&lt;id&gt;</c>), and writes what it did into the <c>data-*</c> attributes of
/// <c>#report-status</c> (candles, canvases, candle pixels, zones drawn, markers, cells checked and
/// mismatched, the equity chart's visible time range, the focused row and the price chart's range,
/// script errors, ready), so a headless browser's dumped DOM shows whether the page worked.
/// </summary>
public static partial class HtmlReportWriter
{
    /// <summary>Default most candles on the price chart before aggregation (see <see cref="ChartResolution"/>).</summary>
    public const int DefaultMaxChartCandles = 20_000;

    /// <summary>Runs longer than this get one point per UTC day on the equity and drawdown curves (an 8-year run: about 2,900).</summary>
    public static readonly TimeSpan DailyCurveAfter = TimeSpan.FromDays(366);

    private const string LibraryResource = "GoldBot.Backtesting.Report.lightweight-charts.standalone.production.js";
    private const string TemplateResource = "GoldBot.Backtesting.Report.report-template.html";

    private static readonly Lazy<string> Library = new(() => ReadResource(LibraryResource));
    private static readonly Lazy<string> Template = new(() => ReadResource(TemplateResource));

    /// <summary>Writes the report to <paramref name="path"/> (UTF-8), creating its folder.</summary>
    /// <param name="maxChartCandles">Most candles on the price chart; more are aggregated (≥ 1).</param>
    /// <returns>The resolution the price chart uses.</returns>
    /// <exception cref="ArgumentException">The document is inconsistent: candles not strictly increasing in time, a table row whose length differs from its columns, or stats JSON that does not parse.</exception>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public static ChartResolution Write(ReportDocument document, string path, int maxChartCandles = DefaultMaxChartCandles)
    {
        ArgumentNullException.ThrowIfNull(path);
        var html = Render(document, maxChartCandles, out var resolution);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
            Directory.CreateDirectory(folder);
        File.WriteAllText(path, html, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return resolution;
    }

    /// <summary>The report page as a string.</summary>
    /// <param name="resolution">The resolution the price chart uses.</param>
    /// <exception cref="ArgumentException">See <see cref="Write(ReportDocument, string, int)"/>.</exception>
    public static string Render(ReportDocument document, int maxChartCandles, out ChartResolution resolution)
    {
        ArgumentNullException.ThrowIfNull(document);
        // The checks and the candle aggregation each pass over every candle (1,000,000 on a long run): on both cores; the
        // aggregation's result is used only when the checks pass, and a failed check is thrown as itself.
        var chart = document.Chart is { } made && made.MaxCandles == maxChartCandles && made.Resolution.SourceCandles == document.Candles.Count
            ? made
            : null;
        try
        {
            Parallel.Invoke(() => Validate(document), () => chart ??= PriceChart.Of(document.Candles, maxChartCandles));
        }
        catch (AggregateException e)
        {
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
        resolution = chart!.Resolution;
        var data = ChartData(document, resolution, chart.Candles);
        var note = ResolutionNote(resolution);
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["title"] = WebUtility.HtmlEncode(document.Title),
            ["subtitle"] = WebUtility.HtmlEncode(document.Subtitle),
            ["resolution"] = WebUtility.HtmlEncode(note),
            ["notice"] = document.Notice is { } notice ? $"<p id=\"report-notice\" class=\"notice\">{WebUtility.HtmlEncode(notice)}</p>" : "",
            ["tables"] = Tables(document.Tables.Where(t => !t.BelowPriceChart)),
            ["tables_below"] = Tables(document.Tables.Where(t => t.BelowPriceChart)),
            ["data"] = data,
            ["library"] = Library.Value,
        };
        // One pass over the template only: inserted text is never scanned for placeholders.
        return Placeholder().Replace(Template.Value, m => values[m.Groups[1].Value]);
    }

    private static void Validate(ReportDocument document)
    {
        // Each candle read once (a candle of a 1,000,000-bar run is made from its bar at every read).
        var candles = document.Candles;
        var previous = candles.Count > 0 ? candles[0].Time : default;
        for (var i = 1; i < candles.Count; i++)
        {
            var time = candles[i].Time;
            if (time <= previous)
                throw new ArgumentException($"report candle {i} at {time:O} is not after candle {i - 1} at {previous:O}", nameof(document));
            previous = time;
        }
        foreach (var table in document.Tables)
        {
            for (var r = 0; r < table.Rows.Count; r++)
            {
                if (table.Rows[r].Count != table.Columns.Count)
                    throw new ArgumentException($"report table '{table.Title}' row {r} has {table.Rows[r].Count} cells for {table.Columns.Count} columns", nameof(document));
            }
            if (table.RowSpans is { } spans)
            {
                if (spans.Count != table.Rows.Count)
                    throw new ArgumentException($"report table '{table.Title}' has {spans.Count} row spans for {table.Rows.Count} rows", nameof(document));
                foreach (var span in spans)
                {
                    if (span is not null && (span.To < span.From || span.Anchor.Length == 0 || !span.Anchor.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
                        throw new ArgumentException($"report table '{table.Title}' has a row span '{span.Anchor}' that is empty, ends before it starts, or has a character other than letters, digits, - _ .", nameof(document));
                }
            }
        }
        try
        {
            using var _ = JsonDocument.Parse(document.StatsJson);
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"report stats JSON does not parse: {e.Message}", nameof(document), e);
        }
    }

    private static string ResolutionNote(ChartResolution resolution) => resolution.IsAggregated
        ? string.Create(CultureInfo.InvariantCulture, $"{resolution.SourceCandles:N0} bars aggregated to {resolution.ChartCandles:N0} candles of {Describe(resolution.Step)} (UTC-aligned) so the page stays usable; entries, exits and order blocks sit on the candle that contains them. Times are UTC.")
        : string.Create(CultureInfo.InvariantCulture, $"{resolution.ChartCandles:N0} bars. Times are UTC.");

    private static string Describe(TimeSpan step) => step.TotalDays >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{step.TotalDays:0} d")
        : step.TotalHours >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{step.TotalHours:0} h") : string.Create(CultureInfo.InvariantCulture, $"{step.TotalMinutes:0} min");

    /// <summary>The chart data as JSON; the default encoder escapes &lt;, &gt; and &amp;, so no text can close the script element.</summary>
    private static string ChartData(ReportDocument document, ChartResolution resolution, IReadOnlyList<ReportCandle> candles)
    {
        var times = new long[candles.Count];
        for (var i = 0; i < candles.Count; i++)
            times[i] = candles[i].Time.ToUnixTimeSeconds();

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("candles");
            foreach (var c in candles)
            {
                json.WriteStartArray();
                json.WriteNumberValue(c.Time.ToUnixTimeSeconds());
                json.WriteNumberValue(c.Open);
                json.WriteNumberValue(c.High);
                json.WriteNumberValue(c.Low);
                json.WriteNumberValue(c.Close);
                json.WriteEndArray();
            }
            json.WriteEndArray();

            json.WriteStartArray("zones");
            foreach (var z in document.Zones)
            {
                if (times.Length == 0)
                    break;
                json.WriteStartObject();
                json.WriteNumber("from", Snap(times, z.From));
                json.WriteNumber("to", Snap(times, z.To));
                json.WriteNumber("top", Math.Max(z.Top, z.Bottom));
                json.WriteNumber("bottom", Math.Min(z.Top, z.Bottom));
                json.WriteBoolean("bullish", z.Bullish);
                json.WriteString("label", z.Label);
                json.WriteEndObject();
            }
            json.WriteEndArray();

            json.WriteStartArray("markers");
            foreach (var m in document.Markers.OrderBy(m => m.Time))
            {
                if (times.Length == 0)
                    break;
                json.WriteStartObject();
                json.WriteNumber("time", Snap(times, m.Time));
                json.WriteNumber("price", m.Price);
                json.WriteString("kind", m.Kind.ToString());
                json.WriteString("side", m.Side.ToString());
                json.WriteString("text", m.Text);
                json.WriteEndObject();
            }
            json.WriteEndArray();

            var curve = CurveResolution(document.Equity, resolution);
            WritePoints(json, "equity", curve.Reduce(document.Equity, keepLargest: false));
            WritePoints(json, "drawdown", curve.Reduce(document.Drawdown, keepLargest: true));
            json.WriteString("stats", document.StatsJson);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>The step of the equity and drawdown curves: the price chart's, or one UTC day on a run longer than <see cref="DailyCurveAfter"/>.</summary>
    private static ChartResolution CurveResolution(IReadOnlyList<ReportPoint> equity, ChartResolution price) =>
        equity.Count > 1 && equity[^1].Time - equity[0].Time > DailyCurveAfter && price.Step < TimeSpan.FromDays(1)
            ? new ChartResolution(TimeSpan.FromDays(1), equity.Count, (int)(equity[^1].Time - equity[0].Time).TotalDays + 2)
            : price;

    private static void WritePoints(Utf8JsonWriter json, string name, IReadOnlyList<ReportPoint> points)
    {
        json.WriteStartArray(name);
        foreach (var p in points)
        {
            json.WriteStartArray();
            json.WriteNumberValue(p.Time.ToUnixTimeSeconds());
            json.WriteNumberValue(p.Value);
            json.WriteEndArray();
        }
        json.WriteEndArray();
    }

    /// <summary>The open time (Unix seconds) of the chart candle holding <paramref name="time"/>: the last at or before it, or the first.</summary>
    private static long Snap(long[] times, DateTimeOffset time)
    {
        var i = Array.BinarySearch(times, time.ToUnixTimeSeconds());
        if (i >= 0)
            return times[i];
        var before = ~i - 1;
        return times[Math.Max(before, 0)];
    }

    private static string Tables(IEnumerable<ReportTable> tables)
    {
        var html = new StringBuilder();
        foreach (var table in tables)
        {
            html.Append("<h2>").Append(WebUtility.HtmlEncode(table.Title)).Append("</h2>\n");
            if (table.Note is { } note)
                html.Append("<p class=\"note\">").Append(WebUtility.HtmlEncode(note)).Append("</p>\n");
            html.Append("<div class=\"table-wrap\"><table>\n<thead><tr>");
            foreach (var column in table.Columns)
                html.Append("<th>").Append(WebUtility.HtmlEncode(column)).Append("</th>");
            html.Append("</tr></thead>\n<tbody>\n");
            for (var r = 0; r < table.Rows.Count; r++)
            {
                html.Append("<tr");
                if (table.RowSpans?[r] is { } span)
                {
                    html.Append(string.Create(CultureInfo.InvariantCulture,
                        $" id=\"{span.Anchor}\" class=\"span-row\" data-from=\"{span.From.ToUnixTimeSeconds()}\" data-to=\"{span.To.ToUnixTimeSeconds()}\" title=\"show on the price chart\""));
                }
                html.Append('>');
                foreach (var cell in table.Rows[r])
                {
                    html.Append("<td");
                    if (cell.StatsPointer is { } pointer)
                        html.Append(" data-stats-pointer=\"").Append(WebUtility.HtmlEncode(pointer)).Append('"');
                    if (cell.Tone != 0)
                        html.Append(cell.Tone > 0 ? " class=\"gain\"" : " class=\"loss\"");
                    if (cell.Bar is { } bar)
                    {
                        var percent = Math.Clamp(bar, 0m, 1m) * 100;
                        html.Append(string.Create(CultureInfo.InvariantCulture,
                            $" style=\"background:linear-gradient(90deg,{(cell.Tone < 0 ? "rgba(239,83,80,0.45)" : "rgba(38,166,154,0.45)")} {percent:0.#}%,transparent {percent:0.#}%)\""));
                    }
                    html.Append('>').Append(WebUtility.HtmlEncode(cell.Text)).Append("</td>");
                }
                html.Append("</tr>\n");
            }
            html.Append("</tbody></table></div>\n");
        }
        return html.ToString();
    }

    private static string ReadResource(string name)
    {
        using var stream = typeof(HtmlReportWriter).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded resource {name} is missing from {typeof(HtmlReportWriter).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"\{\{(title|subtitle|resolution|notice|tables|tables_below|data|library)\}\}")]
    private static partial Regex Placeholder();
}
