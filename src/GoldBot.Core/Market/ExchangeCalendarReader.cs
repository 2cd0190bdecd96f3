using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GoldBot.Market;

/// <summary>
/// Reads the session calendar JSON format (schema version 1, <c>config/cme-calendar.json</c>)
/// with System.Text.Json and checks every rule of the format, collecting all problems before
/// failing: known schema version, America/Chicago times as <c>HH:mm</c>, dates as
/// <c>yyyy-MM-dd</c>, coverage first ≤ last, unique source and group ids, each symbol in one group,
/// a regular schedule whose break runs from its close to its open, and entries sorted by date,
/// inside the coverage, on trading days, naming known groups and sources, with at most one entry
/// per date and group, and an early close before the regular close. Unknown properties are errors
/// (a misspelt key must not be ignored).
/// </summary>
internal static class ExchangeCalendarReader
{
    /// <summary>The schema version this reader understands.</summary>
    public const int SchemaVersion = 1;

    /// <summary>The only time zone the format allows: every time in the file is CT.</summary>
    public const string TimeZoneId = "America/Chicago";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>The checked contents of a calendar file.</summary>
    public sealed record Contents(
        int Revision,
        string Updated,
        string Description,
        DateOnly First,
        DateOnly Last,
        IReadOnlyList<CalendarSource> Sources,
        IReadOnlyList<ProductGroup> Groups,
        RegularSchedule Regular,
        CalendarBasis RegularBasis,
        IReadOnlyList<CalendarDay> Days);

    /// <summary>Parses and checks <paramref name="json"/>.</summary>
    /// <param name="name">File name used in messages.</param>
    /// <exception cref="ExchangeCalendarException">Invalid JSON, or one or more broken rules (all listed).</exception>
    public static Contents Read(Stream json, string name)
    {
        Document? document;
        try
        {
            document = JsonSerializer.Deserialize<Document>(json, Json);
        }
        catch (JsonException e)
        {
            throw new ExchangeCalendarException(name, $"not valid calendar JSON: {e.Message}", e);
        }
        if (document is null)
            throw new ExchangeCalendarException(name, "the file is empty (JSON null)");

        var problems = new List<string>();
        if (document.SchemaVersion is not { } version)
            problems.Add("schemaVersion is missing");
        else if (version != SchemaVersion)
            throw new ExchangeCalendarException(name, $"schemaVersion {version} is not supported (this GoldBot reads version {SchemaVersion})");
        if (document.Revision is not >= 1)
            problems.Add("revision must be a whole number ≥ 1");
        if (document.TimeZone != TimeZoneId)
            problems.Add($"timeZone must be \"{TimeZoneId}\" (every time in the file is CT), not \"{document.TimeZone}\"");

        var first = Date(document.Coverage?.First, "coverage.first", problems);
        var last = Date(document.Coverage?.Last, "coverage.last", problems);
        if (first > last)
            problems.Add($"coverage.first {first:yyyy-MM-dd} is after coverage.last {last:yyyy-MM-dd}");

        var sources = Sources(document.Sources, problems);
        var sourceIds = sources.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var groups = Groups(document.ProductGroups, problems);
        var groupIds = groups.Select(g => g.Id).ToHashSet(StringComparer.Ordinal);
        var (regular, regularBasis) = Regular(document.RegularSchedule, sourceIds, problems);
        var days = Days(document.Days, first, last, regular, groupIds, sourceIds, problems);

        if (problems.Count > 0)
            throw new ExchangeCalendarException(name, problems);
        return new Contents(document.Revision!.Value, document.Updated ?? "", document.Description ?? "", first, last,
            sources, groups, regular, regularBasis, days);
    }

    private static List<CalendarSource> Sources(List<SourceDto?>? items, List<string> problems)
    {
        var result = new List<CalendarSource>();
        if (items is null || items.Count == 0)
        {
            problems.Add("sources: at least one source is required (where the entries come from)");
            return result;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var s = items[i];
            var at = $"sources[{i}]";
            if (string.IsNullOrWhiteSpace(s?.Id))
            {
                problems.Add($"{at}.id is missing");
                continue;
            }
            if (!seen.Add(s.Id))
                problems.Add($"{at}: source id '{s.Id}' is used twice");
            if (string.IsNullOrWhiteSpace(s.Title) || string.IsNullOrWhiteSpace(s.Reference) || string.IsNullOrWhiteSpace(s.Method))
                problems.Add($"{at} ('{s.Id}'): title, reference and method are all required");
            result.Add(new CalendarSource(s.Id, s.Title ?? "", s.Reference ?? "", s.Method ?? ""));
        }
        return result;
    }

    private static List<ProductGroup> Groups(List<GroupDto?>? items, List<string> problems)
    {
        var result = new List<ProductGroup>();
        if (items is null || items.Count == 0)
        {
            problems.Add("productGroups: at least one product group is required");
            return result;
        }
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var symbols = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < items.Count; i++)
        {
            var g = items[i];
            var at = $"productGroups[{i}]";
            if (string.IsNullOrWhiteSpace(g?.Id))
            {
                problems.Add($"{at}.id is missing");
                continue;
            }
            if (!ids.Add(g.Id))
                problems.Add($"{at}: product group id '{g.Id}' is used twice");
            if (g.Symbols is null || g.Symbols.Count == 0)
                problems.Add($"{at} ('{g.Id}'): symbols must list at least one root symbol");
            var list = new List<string>();
            foreach (var symbol in g.Symbols ?? [])
            {
                if (string.IsNullOrWhiteSpace(symbol))
                {
                    problems.Add($"{at} ('{g.Id}'): a symbol is empty");
                    continue;
                }
                if (symbols.TryGetValue(symbol, out var other))
                    problems.Add($"{at} ('{g.Id}'): symbol {symbol} is already in product group '{other}'");
                else
                    symbols[symbol] = g.Id;
                list.Add(symbol.ToUpperInvariant());
            }
            result.Add(new ProductGroup(g.Id, g.Name ?? g.Id, list));
        }
        return result;
    }

    private static (RegularSchedule Schedule, CalendarBasis Basis) Regular(RegularDto? dto, HashSet<string> sourceIds, List<string> problems)
    {
        var fallback = new RegularSchedule(new HashSet<DayOfWeek>(), new TimeOnly(17, 0), new TimeOnly(16, 0));
        if (dto is null)
        {
            problems.Add("regularSchedule is missing");
            return (fallback, CalendarBasis.NeedsCheck);
        }
        var days = new HashSet<DayOfWeek>();
        if (dto.TradingDays is null || dto.TradingDays.Count == 0)
            problems.Add("regularSchedule.tradingDays must list the weekdays that are trading days");
        foreach (var day in dto.TradingDays ?? [])
        {
            if (!Enum.TryParse<DayOfWeek>(day, ignoreCase: false, out var weekday) || !Enum.IsDefined(weekday) || int.TryParse(day, out _))
                problems.Add($"regularSchedule.tradingDays: '{day}' is not a day name (Monday … Sunday)");
            else if (!days.Add(weekday))
                problems.Add($"regularSchedule.tradingDays: {day} is listed twice");
        }
        var open = Time(dto.Open, "regularSchedule.open", problems);
        var close = Time(dto.Close, "regularSchedule.close", problems);
        if (open <= close)
            problems.Add($"regularSchedule: open {open:HH\\:mm} must be after close {close:HH\\:mm} (a session opens the evening before its trading day)");
        if (dto.DailyBreak is null)
        {
            problems.Add("regularSchedule.dailyBreak is missing");
        }
        else
        {
            var from = Time(dto.DailyBreak.From, "regularSchedule.dailyBreak.from", problems);
            var to = Time(dto.DailyBreak.To, "regularSchedule.dailyBreak.to", problems);
            if (from != close || to != open)
                problems.Add($"regularSchedule.dailyBreak {from:HH\\:mm}–{to:HH\\:mm} must run from the close {close:HH\\:mm} to the open {open:HH\\:mm}");
        }
        var basis = Basis(dto.Basis, "regularSchedule.basis", problems);
        References(dto.Sources, sourceIds, "regularSchedule", problems);
        return (new RegularSchedule(days, open, close), basis);
    }

    private static List<CalendarDay> Days(List<DayDto?>? items, DateOnly first, DateOnly last, RegularSchedule regular,
        HashSet<string> groupIds, HashSet<string> sourceIds, List<string> problems)
    {
        var result = new List<CalendarDay>();
        if (items is null)
        {
            problems.Add("days is missing (use [] for a calendar without exceptions)");
            return result;
        }
        var taken = new Dictionary<(DateOnly, string), int>();
        DateOnly? previous = null;
        for (var i = 0; i < items.Count; i++)
        {
            var d = items[i];
            if (d is null)
            {
                problems.Add($"days[{i}] is null");
                continue;
            }
            var date = Date(d.Date, $"days[{i}].date", problems);
            var at = d.Date is null ? $"days[{i}]" : $"days[{i}] ({d.Date})";
            if (previous is { } p && date < p)
                problems.Add($"{at}: entries are not sorted by date ({date:yyyy-MM-dd} comes after {p:yyyy-MM-dd})");
            previous = date;
            if (date < first || date > last)
                problems.Add($"{at}: outside the coverage {first:yyyy-MM-dd}–{last:yyyy-MM-dd}");
            if (d.Date is not null && regular.TradingDays.Count > 0 && !regular.TradingDays.Contains(date.DayOfWeek))
                problems.Add($"{at}: a {date.DayOfWeek} is not a trading day (wrong date?)");

            var groups = new List<string>();
            if (d.Groups is null || d.Groups.Count == 0)
                problems.Add($"{at}: groups must name at least one product group");
            foreach (var g in d.Groups ?? [])
            {
                if (!groupIds.Contains(g))
                {
                    problems.Add($"{at}: unknown product group '{g}' (known: {string.Join(", ", groupIds)})");
                    continue;
                }
                if (taken.TryGetValue((date, g), out var other))
                    problems.Add($"{at}: overlaps days[{other}], which already sets {date:yyyy-MM-dd} for '{g}'");
                else
                    taken[(date, g)] = i;
                groups.Add(g);
            }

            var kind = d.Session switch
            {
                "closed" => SessionKind.Closed,
                "early-close" => SessionKind.EarlyClose,
                "regular" => SessionKind.Regular,
                _ => (SessionKind?)null,
            };
            if (kind is null)
                problems.Add($"{at}: session must be \"closed\", \"early-close\" or \"regular\", not \"{d.Session}\"");
            TimeOnly? close = null;
            if (kind == SessionKind.EarlyClose)
            {
                var c = Time(d.Close, $"{at}.close", problems);
                if (d.Close is not null && (c == TimeOnly.MinValue || c >= regular.Close))
                    problems.Add($"{at}: early close {c:HH\\:mm} must be after 00:00 and before the regular close {regular.Close:HH\\:mm}");
                close = c;
            }
            else if (d.Close is not null)
            {
                problems.Add($"{at}: close is only allowed with session \"early-close\"");
            }
            if (string.IsNullOrWhiteSpace(d.Name))
                problems.Add($"{at}: name is required (the holiday or reason)");
            var basis = Basis(d.Basis, $"{at}.basis", problems);
            References(d.Sources, sourceIds, at, problems);
            result.Add(new CalendarDay(date, groups, kind ?? SessionKind.Regular, close, d.Name ?? "", basis, d.Sources ?? [], d.Note ?? ""));
        }
        return result;
    }

    private static void References(List<string>? sources, HashSet<string> known, string at, List<string> problems)
    {
        if (sources is null || sources.Count == 0)
            problems.Add($"{at}: sources must cite at least one source id");
        foreach (var s in sources ?? [])
        {
            if (!known.Contains(s))
                problems.Add($"{at}: unknown source '{s}'");
        }
    }

    private static CalendarBasis Basis(string? text, string key, List<string> problems)
    {
        switch (text)
        {
            case "verified-by-data":
                return CalendarBasis.VerifiedByData;
            case "needs-check":
                return CalendarBasis.NeedsCheck;
            default:
                problems.Add($"{key} must be \"verified-by-data\" or \"needs-check\", not \"{text}\"");
                return CalendarBasis.NeedsCheck;
        }
    }

    private static DateOnly Date(string? text, string key, List<string> problems)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        problems.Add(text is null ? $"{key} is missing" : $"{key}: '{text}' is not a date such as 2025-12-24");
        return default;
    }

    private static TimeOnly Time(string? text, string key, List<string> problems)
    {
        if (TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            return time;
        problems.Add(text is null ? $"{key} is missing" : $"{key}: '{text}' is not a CT time such as 12:45");
        return default;
    }

    // The JSON shape, every field nullable so a missing one is reported by name rather than defaulted.
#pragma warning disable CA1812 // Instantiated by System.Text.Json.
    private sealed class Document
    {
        public int? SchemaVersion { get; set; }
        public int? Revision { get; set; }
        public string? Updated { get; set; }
        public string? Description { get; set; }
        public string? TimeZone { get; set; }
        public CoverageDto? Coverage { get; set; }
        public List<SourceDto?>? Sources { get; set; }
        public List<GroupDto?>? ProductGroups { get; set; }
        public RegularDto? RegularSchedule { get; set; }
        public List<DayDto?>? Days { get; set; }
    }

    private sealed class CoverageDto
    {
        public string? First { get; set; }
        public string? Last { get; set; }
    }

    private sealed class SourceDto
    {
        public string? Id { get; set; }
        public string? Title { get; set; }
        public string? Reference { get; set; }
        public string? Method { get; set; }
    }

    private sealed class GroupDto
    {
        public string? Id { get; set; }
        public string? Name { get; set; }
        public List<string>? Symbols { get; set; }
    }

    private sealed class RegularDto
    {
        public List<string>? TradingDays { get; set; }
        public string? Open { get; set; }
        public string? Close { get; set; }
        public BreakDto? DailyBreak { get; set; }
        public string? Basis { get; set; }
        public List<string>? Sources { get; set; }
        public string? Note { get; set; }
    }

    private sealed class BreakDto
    {
        public string? From { get; set; }
        public string? To { get; set; }
    }

    private sealed class DayDto
    {
        public string? Date { get; set; }
        public List<string>? Groups { get; set; }
        public string? Session { get; set; }
        public string? Close { get; set; }
        public string? Name { get; set; }
        public string? Basis { get; set; }
        public List<string>? Sources { get; set; }
        public string? Note { get; set; }
    }
#pragma warning restore CA1812
}
