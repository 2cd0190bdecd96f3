using System.Text.Json;
using GoldBot.Backtesting.Report;

namespace GoldBot.Backtesting.Tests.Report;

/// <summary>When a table cell shows a stats.json value, and how pointers resolve.</summary>
public sealed class StatsCellMatchTests
{
    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();

    [Theory]
    [InlineData("$1,234.50", "1234.5", true)]
    [InlineData("1,234.5", "1234.46", true)]
    [InlineData("1,234.5", "1234.44", false)]
    [InlineData("1235", "1234.5", true)]
    [InlineData("1234", "1234.51", false)]
    [InlineData("+1,544.75", "1544.75", true)]
    [InlineData("-310.25", "-310.25", true)]
    [InlineData("310.25", "-310.25", false)]
    [InlineData("50.0%", "0.5", true)]
    [InlineData("52.56 %", "0.5256", true)]
    [InlineData("52.56 %", "0.5257", false)]
    [InlineData("52.56 %", "52.56", false)]
    [InlineData("-0.22 %", "-0.0022", true)]
    [InlineData("100.00 %", "1", true)]
    [InlineData("n/a", "50", false)]
    [InlineData("", "0", false)]
    [InlineData("Long", "\"Long\"", true)]
    [InlineData("long", "\"Long\"", false)]
    [InlineData("true", "true", true)]
    [InlineData("null", "null", true)]
    [InlineData("{}", "{}", false)]
    public void Cell_text_matches_a_value(string text, string json, bool expected) =>
        Assert.Equal(expected, StatsCellMatch.Matches(text, Json(json)));

    [Fact]
    public void Pointers_follow_RFC_6901()
    {
        var root = Json("""{"a":{"b/c":[10,{"~d":"x"}]}}""");

        Assert.True(StatsCellMatch.TryResolve(root, "/a/b~1c/1/~0d", out var value));
        Assert.Equal("x", value.GetString());
        Assert.True(StatsCellMatch.TryResolve(root, "/a/b~1c/0", out value));
        Assert.Equal(10, value.GetInt32());
        Assert.False(StatsCellMatch.TryResolve(root, "/a/b~1c/2", out _));
        Assert.False(StatsCellMatch.TryResolve(root, "/missing", out _));
        Assert.False(StatsCellMatch.TryResolve(root, "a", out _));
    }
}
