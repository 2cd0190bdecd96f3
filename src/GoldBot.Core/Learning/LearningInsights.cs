using System.Globalization;
using System.Text;

namespace GoldBot.Learning;

/// <summary>
/// The weekly insights (issue 13 §4, <c>design/000</c> "Self-Learning System"): what works, what does not and what changed,
/// as Markdown for <c>logs/learning_insights.md</c>. "Works" and "does not" are only cells whose 95 % interval lies wholly on
/// one side of zero; the rest is called noise, not ranked.
/// </summary>
public static class LearningInsights
{
    /// <summary>The insights of <paramref name="report"/> for the seven days before its <see cref="LearningReport.UpdatedAt"/>.</summary>
    public static string Week(LearningReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var since = report.UpdatedAt.AddDays(-7);
        var rows = report.PatternStats.SelectMany(p => p.Value.ConditionsCorrelation.Select(c => (Name: $"{p.Key} with {c.Key}", Row: c.Value))
            .Prepend((Name: p.Key, Row: p.Value.Stats))).ToList();
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# Learning insights, week to {report.UpdatedAt:yyyy-MM-dd HH:mm} UTC\n\n");
        text.Append(CultureInfo.InvariantCulture, $"Policy {report.PositionSizingRules.Policy}, {report.Trades} closed trades, size ×{report.PositionSizingRules.SizeMultiplier:0.##}.\n\n");
        Section(text, "What works (95 % interval above zero)", rows.Where(r => r.Row.CiLow > 0).OrderByDescending(r => r.Row.ExpectancyR));
        Section(text, "What does not (95 % interval below zero)", rows.Where(r => r.Row.CiHigh < 0).OrderBy(r => r.Row.ExpectancyR));
        text.Append("## What changed this week\n\n");
        var changes = report.Decisions.Where(d => d.Time > since).ToList();
        if (changes.Count == 0)
            text.Append("Nothing.\n");
        foreach (var d in changes)
            text.Append(CultureInfo.InvariantCulture, $"- {d.Time:yyyy-MM-dd HH:mm}Z {d.Reason}\n");
        return text.ToString();
    }

    private static void Section(StringBuilder text, string title, IEnumerable<(string Name, LearningRow Row)> rows)
    {
        text.Append(CultureInfo.InvariantCulture, $"## {title}\n\n");
        var any = false;
        foreach (var (name, r) in rows)
        {
            any = true;
            text.Append(CultureInfo.InvariantCulture, $"- {name}: {r.Trades} trades, {r.WinRate:P0} won, expectancy {r.ExpectancyR:0.00} R [{r.CiLow:0.00}, {r.CiHigh:0.00}], {r.TotalPnl:0.00} USD\n");
        }
        text.Append(any ? "\n" : "Nothing yet: every interval includes zero.\n\n");
    }
}
