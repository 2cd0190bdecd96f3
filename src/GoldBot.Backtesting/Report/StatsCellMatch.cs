using System.Globalization;
using System.Text.Json;

namespace GoldBot.Backtesting.Report;

/// <summary>
/// The rule by which a report table cell shows a value of stats.json. The report page applies the
/// same rule in JavaScript (report-template.html, <c>cellMatches</c>) and writes the result into its
/// DOM; the browser test applies this one to the dumped DOM.
/// </summary>
public static class StatsCellMatch
{
    private static readonly char[] Ignored = ['$', '%', ',', '+', ' ', '\u00A0'];

    /// <summary>Finds the value at an RFC 6901 JSON Pointer (<c>""</c> is the whole document; <c>~1</c> is '/', <c>~0</c> is '~'; array items by index).</summary>
    /// <returns>False when the pointer is malformed or names nothing.</returns>
    public static bool TryResolve(JsonElement root, string pointer, out JsonElement value)
    {
        ArgumentNullException.ThrowIfNull(pointer);
        value = root;
        if (pointer.Length == 0)
            return true;
        if (pointer[0] != '/')
            return false;
        foreach (var raw in pointer[1..].Split('/'))
        {
            var key = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty(key, out var child))
                value = child;
            else if (value.ValueKind == JsonValueKind.Array && int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < value.GetArrayLength())
                value = value[i];
            else
                return false;
        }
        return true;
    }

    /// <summary>
    /// True when <paramref name="text"/> shows <paramref name="value"/>: a JSON string must equal
    /// the text exactly; for a JSON number the text, without <c>$ % , +</c> and spaces, must be a
    /// plain decimal within half a unit of its last shown decimal of the value (so "1,234.5" shows
    /// 1234.46 but not 1234.44), where a text with <c>%</c> shows the value × 100 (so "52.56 %" shows
    /// 0.5256 but not 52.56); <c>true</c>, <c>false</c> and <c>null</c> must be written as such.
    /// Objects and arrays never match a cell.
    /// </summary>
    public static bool Matches(string text, JsonElement value)
    {
        ArgumentNullException.ThrowIfNull(text);
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return text == value.GetString();
            case JsonValueKind.True:
            case JsonValueKind.False:
            case JsonValueKind.Null:
                return text == value.GetRawText();
            case JsonValueKind.Number:
                var cleaned = string.Concat(text.Split(Ignored));
                if (cleaned.Length == 0 || cleaned.Any(c => !(char.IsAsciiDigit(c) || c == '.' || c == '-'))
                    || !decimal.TryParse(cleaned, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var shown))
                    return false;
                var point = cleaned.IndexOf('.', StringComparison.Ordinal);
                var decimals = point < 0 ? 0 : cleaned.Length - point - 1;
                if (text.Contains('%', StringComparison.Ordinal))
                {
                    shown /= 100;
                    decimals += 2;
                }
                var half = 0.5m / Pow10(decimals);
                if (value.TryGetDecimal(out var exact))
                    return Math.Abs(shown - exact) <= half;
                return Math.Abs((double)shown - value.GetDouble()) <= (double)half;
            default:
                return false;
        }
    }

    private static decimal Pow10(int n)
    {
        var p = 1m;
        for (var i = 0; i < Math.Min(n, 28); i++)
            p *= 10;
        return p;
    }
}
