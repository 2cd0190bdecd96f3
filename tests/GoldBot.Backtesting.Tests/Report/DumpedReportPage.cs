using System.Net;
using System.Text.RegularExpressions;

namespace GoldBot.Backtesting.Tests.Report;

/// <summary>The parts of a report page's dumped DOM the browser tests read: the status attributes, the script errors and the table cells.</summary>
internal sealed partial record DumpedReportPage(
    IReadOnlyDictionary<string, string> Status,
    IReadOnlyList<string> Errors,
    IReadOnlyList<DumpedReportPage.Cell> Cells,
    string Dom)
{
    /// <summary>A table cell: its text and attributes.</summary>
    public sealed record Cell(string Text, IReadOnlyDictionary<string, string> Attributes)
    {
        public string? Pointer => Attributes.GetValueOrDefault("data-stats-pointer");
    }

    public static DumpedReportPage Parse(string dom)
    {
        var status = StatusElement().Match(dom);
        Assert.True(status.Success, "the dumped DOM has no #report-status element");
        var errors = ErrorList().Match(dom) is { Success: true } list
            ? ListItem().Matches(list.Groups[1].Value).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList()
            : [];
        var cells = TableCell().Matches(dom).Select(m => new Cell(WebUtility.HtmlDecode(m.Groups[2].Value), Attributes(m.Groups[1].Value))).ToList();
        return new DumpedReportPage(Attributes(status.Groups[1].Value), errors, cells, dom);
    }

    public int Number(string attribute) => int.Parse(Status[attribute], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A whole number attribute such as a time in Unix seconds (the chart library may write it as a float: "1553036400.0").</summary>
    public long Long(string attribute) => (long)Math.Round(double.Parse(Status[attribute], System.Globalization.CultureInfo.InvariantCulture));

    private static Dictionary<string, string> Attributes(string text) =>
        Attribute().Matches(text).ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));

    [GeneratedRegex("<div id=\"report-status\"([^>]*)>")]
    private static partial Regex StatusElement();

    [GeneratedRegex("<ul id=\"report-errors\">(.*?)</ul>", RegexOptions.Singleline)]
    private static partial Regex ErrorList();

    [GeneratedRegex("<li>(.*?)</li>", RegexOptions.Singleline)]
    private static partial Regex ListItem();

    [GeneratedRegex("<td([^>]*)>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex TableCell();

    [GeneratedRegex("([\\w-]+)=\"([^\"]*)\"")]
    private static partial Regex Attribute();
}
