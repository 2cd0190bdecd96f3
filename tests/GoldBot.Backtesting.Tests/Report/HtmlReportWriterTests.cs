using System.Text.Json;
using System.Text.RegularExpressions;
using GoldBot.Backtesting.Report;

namespace GoldBot.Backtesting.Tests.Report;

/// <summary>The HTML the writer produces, read as text: encoding, the embedded data, self-containment and the refusal of inconsistent documents.</summary>
public sealed class HtmlReportWriterTests
{
    private static string Html(ReportDocument document, int max = HtmlReportWriter.DefaultMaxChartCandles) =>
        HtmlReportWriter.Render(document, max, out _);

    private static JsonElement Data(string html)
    {
        var match = Regex.Match(html, "<script type=\"application/json\" id=\"report-data\">(.*?)</script>", RegexOptions.Singleline);
        Assert.True(match.Success);
        return JsonDocument.Parse(match.Groups[1].Value).RootElement.Clone();
    }

    [Fact]
    public void Text_is_HTML_encoded_everywhere()
    {
        var html = Html(SampleReport.Document());

        Assert.Contains("<title>MGC order-block backtest &lt;test&gt; &amp; &quot;quotes&quot;</title>", html, StringComparison.Ordinal);
        Assert.Contains("<td data-stats-pointer=\"/summary/symbol\">MGC &lt;G26&gt; &amp; co</td>", html, StringComparison.Ordinal);
        Assert.Contains("<th>P&amp;L (USD)</th>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<test>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_price_chart_made_ahead_gives_the_same_page_and_one_made_for_another_limit_is_not_used()
    {
        var document = SampleReport.Document();
        var candles = document.Candles.Count;

        var plain = Html(document, max: candles / 3);
        var ahead = Html(document with { Chart = PriceChart.Of(document.Candles, candles / 3) }, max: candles / 3);
        var otherLimit = Html(document with { Chart = PriceChart.Of(document.Candles, candles) }, max: candles / 3);

        Assert.True(Data(plain).GetProperty("candles").GetArrayLength() < candles, "the sample is aggregated at this limit");
        Assert.Equal(plain, ahead);
        Assert.Equal(plain, otherLimit);
    }

    [Fact]
    public void No_text_in_the_data_can_close_its_script_element()
    {
        const string Hostile = "</script><script>window.reportError('injected')</script>";
        var document = SampleReport.Document() with { Zones = [new ReportZone(SampleReport.Start, SampleReport.Start.AddMinutes(30), 4102m, 4100m, true, Hostile)] };

        var html = Html(document);

        Assert.DoesNotContain(Hostile, html, StringComparison.Ordinal);
        Assert.Equal(Hostile, Data(html).GetProperty("zones")[0].GetProperty("label").GetString());
    }

    [Fact]
    public void The_page_is_self_contained_with_the_vendored_library_inlined()
    {
        var html = Html(SampleReport.Document());

        Assert.Contains("TradingView Lightweight Charts™ v4.2.3", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(new Regex("<(script|link|img|iframe)[^>]*\\s(src|href)=", RegexOptions.IgnoreCase), html);
        Assert.DoesNotContain("{{", Regex.Replace(html, "<script>.*?</script>", "", RegexOptions.Singleline), StringComparison.Ordinal);
    }

    [Fact]
    public void The_data_block_holds_candles_as_UTC_seconds_markers_on_their_candle_and_the_stats_verbatim()
    {
        var data = Data(Html(SampleReport.Document()));

        var first = data.GetProperty("candles")[0];
        Assert.Equal(SampleReport.Start.ToUnixTimeSeconds(), first[0].GetInt64());
        Assert.Equal(4100.0m, first[1].GetDecimal());
        Assert.Equal(SampleReport.CandleCount, data.GetProperty("candles").GetArrayLength());
        // The entry at 15:01 sits on the 15:00 candle; markers are sorted by time.
        var marker = data.GetProperty("markers")[0];
        Assert.Equal(SampleReport.Start.AddMinutes(30).ToUnixTimeSeconds(), marker.GetProperty("time").GetInt64());
        Assert.Equal("Entry", marker.GetProperty("kind").GetString());
        Assert.Equal("Buy", marker.GetProperty("side").GetString());
        Assert.Equal(SampleReport.StatsJson(), data.GetProperty("stats").GetString());
    }

    [Fact]
    public void Inconsistent_documents_are_refused_with_the_reason()
    {
        var document = SampleReport.Document();
        var unordered = document with { Candles = [document.Candles[1], document.Candles[0]] };
        var ragged = document with { Tables = [new ReportTable("Bad", ["A", "B"], [["only one"]])] };
        var badJson = document with { StatsJson = "{ not json" };

        Assert.StartsWith("report candle 1 at 2025-12-02T14:30:00.0000000+00:00 is not after candle 0", Assert.Throws<ArgumentException>(() => Html(unordered)).Message, StringComparison.Ordinal);
        Assert.StartsWith("report table 'Bad' row 0 has 1 cells for 2 columns", Assert.Throws<ArgumentException>(() => Html(ragged)).Message, StringComparison.Ordinal);
        Assert.StartsWith("report stats JSON does not parse", Assert.Throws<ArgumentException>(() => Html(badJson)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_span_must_match_the_rows_and_name_a_plain_anchor()
    {
        var document = SampleReport.Document();
        var trades = document.Tables[1];
        var short_ = document with { Tables = [trades with { RowSpans = [trades.RowSpans![0]] }] };
        var quoted = document with { Tables = [trades with { RowSpans = [trades.RowSpans![0], trades.RowSpans[1]! with { Anchor = "t\"2" }] }] };
        var backwards = document with { Tables = [trades with { RowSpans = [trades.RowSpans![0], trades.RowSpans[1]! with { To = SampleReport.Start }] }] };

        Assert.StartsWith("report table 'Trades' has 1 row spans for 2 rows", Assert.Throws<ArgumentException>(() => Html(short_)).Message, StringComparison.Ordinal);
        Assert.StartsWith("report table 'Trades' has a row span 't\"2'", Assert.Throws<ArgumentException>(() => Html(quoted)).Message, StringComparison.Ordinal);
        Assert.StartsWith("report table 'Trades' has a row span 'trade-t2'", Assert.Throws<ArgumentException>(() => Html(backwards)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rows_with_a_span_carry_their_anchor_and_times_and_the_notice_and_tables_sit_around_the_price_chart()
    {
        var html = Html(SampleReport.Document());

        var t2 = SampleReport.Start.AddMinutes(100).ToUnixTimeSeconds();
        Assert.Contains($"<tr id=\"trade-t2\" class=\"span-row\" data-from=\"{t2}\" data-to=\"{t2 + 1800}\"", html, StringComparison.Ordinal);
        Assert.Contains("<td data-stats-pointer=\"/trades/1/pnl\" class=\"loss\">-310.25</td>", html, StringComparison.Ordinal);
        Assert.Contains("<p id=\"report-notice\" class=\"notice\">Trading stopped early: &lt;sample&gt; &amp; co</p>", html, StringComparison.Ordinal);
        var equity = html.IndexOf("id=\"equity-chart\"", StringComparison.Ordinal);
        var summary = html.IndexOf("<h2>Summary</h2>", StringComparison.Ordinal);
        var price = html.IndexOf("id=\"price-chart\"", StringComparison.Ordinal);
        var trades = html.IndexOf("<h2>Trades</h2>", StringComparison.Ordinal);
        Assert.True(equity < summary && summary < price && price < trades, $"equity {equity}, summary {summary}, price {price}, trades {trades}");
    }

    [Fact]
    public void A_long_curve_gets_one_point_per_UTC_day_with_the_day_s_last_equity_and_largest_drawdown()
    {
        var start = new DateTimeOffset(2018, 3, 19, 0, 0, 0, TimeSpan.Zero);
        var hours = Enumerable.Range(0, 24 * 400).Select(h => start.AddHours(h + 1)).ToList();
        var document = SampleReport.Document() with
        {
            Candles = [],
            Zones = [],
            Markers = [],
            Equity = hours.Select((t, i) => new ReportPoint(t, 50_000m + i)).ToList(),
            Drawdown = hours.Select((t, i) => new ReportPoint(t, t.Hour == 5 ? 100m + i : 0m)).ToList(),
        };

        var data = Data(Html(document));

        var equity = data.GetProperty("equity").EnumerateArray().ToList();
        Assert.Equal(401, equity.Count); // 9,600 hourly closes from 01:00 on day 1 to 00:00 on day 401
        Assert.Equal(start.ToUnixTimeSeconds(), equity[0][0].GetInt64());
        Assert.Equal(50_000m + 22, equity[0][1].GetDecimal()); // the last close of day 1 is 23:00, the 23rd point
        var drawdown = data.GetProperty("drawdown").EnumerateArray().ToList();
        Assert.Equal(401, drawdown.Count);
        Assert.Equal(100m + 4, drawdown[0][1].GetDecimal()); // the 05:00 close of day 1, its worst
    }

    [Fact]
    public void Write_creates_the_run_folder_and_returns_the_chart_resolution()
    {
        var dir = Directory.CreateTempSubdirectory("goldbot-report-write-").FullName;
        try
        {
            var path = Path.Combine(dir, "backtests", "run-1", "report.html");

            var resolution = HtmlReportWriter.Write(SampleReport.Document(), path, maxChartCandles: 25);

            Assert.True(File.Exists(path));
            Assert.Equal(new ChartResolution(TimeSpan.FromMinutes(15), 60, 12), resolution);
            Assert.Contains("60 bars aggregated to 12 candles of 15 min", File.ReadAllText(path), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
