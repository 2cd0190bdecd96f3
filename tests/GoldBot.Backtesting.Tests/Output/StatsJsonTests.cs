using System.Text;
using System.Text.Json;
using GoldBot.Backtesting.Combine;
using GoldBot.Backtesting.Output;
using GoldBot.Backtesting.Statistics;
using GoldBot.Backtesting.Tests.Statistics;

namespace GoldBot.Backtesting.Tests.Output;

public sealed class StatsJsonTests
{
    private static BacktestStatistics Full()
    {
        var result = HandMadeResults.SevenTrades();
        return BacktestStatistics.Compute(
            result, new StatisticsOptions(1_000),
            CombineSimulator.Run(result, CombineRules.Combine50K),
            CombineMonteCarlo.Run(result, CombineRules.Combine50K, new MonteCarloOptions(Paths: 1_000)));
    }

    private static (string Text, StatsJsonContent Content) WriteAndRead(BacktestStatistics stats)
    {
        using var stream = new MemoryStream();
        StatsJsonWriter.Write(stats, stream);
        var text = Encoding.UTF8.GetString(stream.ToArray());
        stream.Position = 0;
        return (text, StatsJsonContent.Read(stream));
    }

    [Fact]
    public void Every_section_row_and_breakdown_cell_round_trips()
    {
        var stats = Full();
        var (_, content) = WriteAndRead(stats);
        Assert.Equal(StatsJsonWriter.SchemaVersion, content.SchemaVersion);
        Assert.Equal(stats.Sections.Select(s => s.Key), content.Sections.Keys);
        foreach (var section in stats.Sections)
        {
            Assert.Equal(section.Rows.Select(r => r.Key), content.Sections[section.Key].Keys);
            foreach (var row in section.Rows)
                Assert.Equal(new StatsJsonValue(row.Number, row.Text), content.Sections[section.Key][row.Key]);
        }
        Assert.Equal(stats.Breakdowns.Select(b => b.Key), content.Breakdowns.Keys);
        foreach (var table in stats.Breakdowns)
        {
            var rows = content.Breakdowns[table.Key];
            Assert.Equal(table.Rows.Select(r => r.Key), rows.Select(r => r.Key));
            foreach (var (row, read) in table.Rows.Zip(rows))
            {
                for (var i = 0; i < table.Columns.Count; i++)
                    Assert.Equal(row.Values[i], read.Value[table.Columns[i].Key]);
            }
        }
        Assert.Equal("still_running", content.Sections["combine"]["outcome"].Text);   // +150 of 3,000
    }

    [Fact]
    public void Names_are_snake_case_and_values_are_rounded_numbers()
    {
        var (text, _) = WriteAndRead(Full());
        using var document = JsonDocument.Parse(text);
        var trades = document.RootElement.GetProperty("sections").GetProperty("trades");
        Assert.Equal(JsonValueKind.Number, trades.GetProperty("net_pnl").ValueKind);
        Assert.Equal("150.00", trades.GetProperty("net_pnl").GetRawText());
        Assert.Equal("21.43", trades.GetProperty("expectancy_usd").GetRawText());
        Assert.Equal("0.4286", trades.GetProperty("win_rate").GetRawText());
        Assert.Equal("1.6000", trades.GetProperty("profit_factor").GetRawText());
        var sharpe = document.RootElement.GetProperty("sections").GetProperty("returns").GetProperty("sharpe").GetRawText();
        Assert.Matches(@"^-?\d+\.\d{4}$", sharpe);
        var names = document.RootElement.EnumerateObject().Select(p => p.Name)
            .Concat(document.RootElement.GetProperty("sections").EnumerateObject().SelectMany(s => s.Value.EnumerateObject().Select(p => p.Name)));
        Assert.All(names, n => Assert.Matches("^[a-z0-9_]+$", n));
    }

    [Fact]
    public void Table_text_is_the_json_literal()
    {
        var stats = Full();
        var (text, _) = WriteAndRead(stats);
        using var document = JsonDocument.Parse(text);
        var sections = document.RootElement.GetProperty("sections");
        foreach (var section in stats.Sections)
        {
            foreach (var row in section.Rows)
            {
                var json = sections.GetProperty(section.Key).GetProperty(row.Key);
                var expected = json.ValueKind switch
                {
                    JsonValueKind.Null => StatisticRow.Undefined,
                    JsonValueKind.String => json.GetString(),
                    _ => json.GetRawText(),
                };
                Assert.Equal(expected, row.ValueText);
            }
        }
        var byHour = document.RootElement.GetProperty("breakdowns").GetProperty("by_hour");
        var table = stats.Breakdown("by_hour");
        for (var r = 0; r < table.Rows.Count; r++)
        {
            for (var c = 0; c < table.Columns.Count; c++)
            {
                var json = byHour[r].GetProperty(table.Columns[c].Key);
                Assert.Equal(json.ValueKind == JsonValueKind.Null ? StatisticRow.Undefined : json.GetRawText(), table.Rows[r].ValueText(c));
            }
        }
    }

    [Fact]
    public void Undefined_values_are_null()
    {
        var stats = BacktestStatistics.Compute(HandMadeResults.Result([], HandMadeResults.Days(50_000m, [0m])));
        var (text, content) = WriteAndRead(stats);
        Assert.Contains("\"profit_factor\": null", text, StringComparison.Ordinal);
        Assert.Equal(default, content.Sections["trades"]["win_rate"]);
        Assert.Empty(content.Breakdowns["by_pattern"]);
    }

    [Fact]
    public void Writes_to_a_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"goldbot-stats-{Guid.NewGuid():N}.json");
        try
        {
            var stats = Full();
            StatsJsonWriter.Write(stats, path);
            Assert.Equal(150.00m, StatsJsonContent.Read(path).Sections["trades"]["net_pnl"].Number);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
