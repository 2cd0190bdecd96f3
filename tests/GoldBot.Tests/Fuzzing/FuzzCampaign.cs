namespace GoldBot.Tests.Fuzzing;

/// <summary>
/// The size of the fuzzing campaigns (issue 11): each campaign runs its default number of cases in the README's test command;
/// <c>GOLDBOT_FUZZ_CASES=N</c> runs N cases in each instead (the closing note's long campaign).
/// </summary>
internal static class FuzzCampaign
{
    /// <summary>The cases to run: <c>GOLDBOT_FUZZ_CASES</c> when set to a positive number, else <paramref name="byDefault"/>.</summary>
    public static int Cases(int byDefault) =>
        int.TryParse(Environment.GetEnvironmentVariable("GOLDBOT_FUZZ_CASES"), out var n) && n > 0 ? n : byDefault;

    /// <summary>The first seed: <c>GOLDBOT_FUZZ_SEED</c> when set, else 0 (so a long campaign can start past the cases CI runs).</summary>
    public static int FirstSeed => int.TryParse(Environment.GetEnvironmentVariable("GOLDBOT_FUZZ_SEED"), out var s) && s >= 0 ? s : 0;

    /// <summary>True when <paramref name="text"/> holds a .NET stack trace line or an exception type name: what a user must never see.</summary>
    public static bool ShowsInternals(string text) =>
        System.Text.RegularExpressions.Regex.IsMatch(text, @"^\s+at [\w.<>`]+[.(]|\bSystem\.[A-Z]\w*(Exception|\.Int32|\.Decimal|\.Double)\b|Unhandled exception", System.Text.RegularExpressions.RegexOptions.Multiline);
}
