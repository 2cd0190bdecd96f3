using System.Text;
using System.Text.RegularExpressions;

namespace GoldBot.Backtesting.Statistics;

/// <summary>
/// Groups refusal texts that differ only in their numbers ("risk budget $2.96 covers 0 contracts at a 150-tick stop" and
/// "… at a 210-tick stop" are one reason), the breakdown a trader otherwise does with awk on signals.log. A group is
/// named by its text with each number kept where every member has the same one and written <c>…</c> where they differ;
/// a strategy rejection is prefixed <c>strategy: </c>, a risk-manager refusal <c>risk: </c>.
/// </summary>
public static partial class RefusalGroups
{
    /// <summary>One group: its name, its refusals in time order.</summary>
    /// <param name="Name">Reason with varying numbers written <c>…</c>, prefixed by who refused.</param>
    /// <param name="Refusals">The refusals in the group, in time order.</param>
    public sealed record Group(string Name, IReadOnlyList<SignalRefusal> Refusals);

    /// <summary>The columns of <see cref="Breakdown"/>.</summary>
    public static IReadOnlyList<BreakdownColumn> Columns { get; } =
    [
        new("signals", "Signals", StatisticUnit.Count),
        new("share", "Share of refusals", StatisticUnit.Fraction),
        new("after_last_trade", "After the last trade", StatisticUnit.Count),
    ];

    /// <summary>Groups <paramref name="refusals"/> (time order), the largest group first, ties by name.</summary>
    public static IReadOnlyList<Group> Of(IEnumerable<SignalRefusal> refusals)
    {
        ArgumentNullException.ThrowIfNull(refusals);
        return refusals
            .GroupBy(r => r.ByStrategy)
            .SelectMany(side => ByReason(side, r => r.Reason).Select(g => new Group((side.Key ? "strategy: " : "risk: ") + g.Name, g.Members)))
            .OrderByDescending(g => g.Refusals.Count)
            .ThenBy(g => g.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Groups <paramref name="items"/> by their <paramref name="reason"/> text with its numbers left out, each group named by the
    /// text with the numbers all its members share and <c>…</c> where they differ; members keep their order; groups in no order.
    /// </summary>
    public static IEnumerable<(string Name, IReadOnlyList<T> Members)> ByReason<T>(IEnumerable<T> items, Func<T, string> reason)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(reason);
        return items.GroupBy(i => Number().Replace(reason(i), "\0"))
            .Select(g => (Name(g.Key, g.Select(reason)), (IReadOnlyList<T>)g.ToList()));
    }

    /// <summary>
    /// The breakdown <c>refusals_by_reason</c>: per group the signals refused, their share of all refusals and how many
    /// came after the last trade's exit (<paramref name="lastExit"/>, UTC; every one when null).
    /// </summary>
    public static BreakdownTable Breakdown(IReadOnlyList<SignalRefusal> refusals, DateTimeOffset? lastExit)
    {
        ArgumentNullException.ThrowIfNull(refusals);
        var rows = Of(refusals).Select(g => new BreakdownRow(g.Name,
        [
            g.Refusals.Count,
            StatisticRounding.Round((decimal)g.Refusals.Count / refusals.Count, StatisticUnit.Fraction),
            g.Refusals.Count(r => lastExit is not { } exit || r.Time > exit),
        ])).ToList();
        return new BreakdownTable("refusals_by_reason", "Signals not traded, by reason", "Reason", Columns, rows);
    }

    private static string Name(string skeleton, IEnumerable<string> reasons)
    {
        string?[] kept = [];
        var first = true;
        foreach (var reason in reasons)
        {
            var numbers = Number().Matches(reason);
            if (first)
            {
                kept = numbers.Select(m => (string?)m.Value).ToArray();
                first = false;
                continue;
            }
            for (var i = 0; i < kept.Length; i++)
            {
                if (kept[i] != numbers[i].Value)
                    kept[i] = null;
            }
        }
        var name = new StringBuilder(skeleton.Length + 8 * kept.Length);
        var n = 0;
        foreach (var c in skeleton)
        {
            if (c == '\0')
                name.Append(kept[n++] ?? "…");
            else
                name.Append(c);
        }
        return name.ToString();
    }

    [GeneratedRegex(@"\d+(?:\.\d+)?", RegexOptions.CultureInvariant)]
    private static partial Regex Number();
}
