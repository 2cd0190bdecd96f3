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
