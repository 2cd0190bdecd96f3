using System.Diagnostics;

namespace GoldBot.Backtesting.Tests.Report;

/// <summary>
/// Runs Debian's headless Chromium on a local file and returns the DOM after its scripts ran
/// (<c>--dump-dom</c>) or takes a screenshot (<c>--screenshot</c>), under a virtual time budget, so no
/// wall-clock waiting decides the result.
/// .ci/run installs chromium when absent; without it the browser tests fail with that instruction.
/// </summary>
internal static class HeadlessChromium
{
    private static readonly string[] Candidates = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

    /// <summary>The browser executable: $GOLDBOT_CHROMIUM, else the first candidate on PATH; null when none.</summary>
    public static string? Find()
    {
        var configured = Environment.GetEnvironmentVariable("GOLDBOT_CHROMIUM");
        if (!string.IsNullOrEmpty(configured))
            return File.Exists(configured) ? configured : null;
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var name in Candidates)
        {
            foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                var full = Path.Combine(dir, name);
                if (File.Exists(full))
                    return full;
            }
        }
        return null;
    }

    /// <summary>Loads <paramref name="htmlPath"/> in the browser <see cref="Find"/> gives and returns the serialized DOM.</summary>
    /// <param name="fragment">Fragment of the address without '#' (e.g. <c>trade-t1</c>), or null.</param>
    public static string DumpDom(string htmlPath, string? fragment = null) => Run(htmlPath, Find(), fragment, "--dump-dom");

    /// <summary>Loads <paramref name="htmlPath"/> in <paramref name="browserPath"/> (null: none found) and returns the serialized DOM.</summary>
    public static string DumpDom(string htmlPath, string? browserPath, string? fragment = null) => Run(htmlPath, browserPath, fragment, "--dump-dom");

    /// <summary>Loads <paramref name="htmlPath"/> in a <paramref name="width"/> × <paramref name="height"/> px window and writes its top as a PNG to <paramref name="pngPath"/>.</summary>
    public static void Screenshot(string htmlPath, string pngPath, int width = 1400, int height = 2000) =>
        Run(htmlPath, Find(), null, $"--screenshot={pngPath}", $"--window-size={width},{height}");

    private static string Run(string htmlPath, string? browserPath, string? fragment, params string[] action)
    {
        var browser = browserPath ?? throw new InvalidOperationException(
            "headless Chromium not found (looked for $GOLDBOT_CHROMIUM, " + string.Join(", ", Candidates) + " on PATH): "
            + "install it with 'apt-get install -y chromium' (.ci/run does this) to run the HTML report browser tests");
        var profile = Directory.CreateTempSubdirectory("goldbot-chromium-").FullName;
        try
        {
            var start = new ProcessStartInfo(browser)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            var address = new Uri(htmlPath).AbsoluteUri + (fragment is null ? "" : "#" + fragment);
            var size = action.Any(a => a.StartsWith("--window-size=", StringComparison.Ordinal)) ? [] : (string[])["--window-size=1280,1600"];
            foreach (var arg in (string[])["--headless=new", "--disable-gpu", "--no-sandbox", "--no-first-run", "--disable-extensions",
                         .. size, "--virtual-time-budget=5000", $"--user-data-dir={profile}", .. action, address])
                start.ArgumentList.Add(arg);
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {browser}");
            var stderr = process.StandardError.ReadToEndAsync();
            var dom = process.StandardOutput.ReadToEnd();
            // A guard against a hung browser, not a measurement: the budget above is virtual time.
            if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{browser} did not exit on {htmlPath}");
            }
            if (process.ExitCode != 0 || (dom.Length == 0 && action[0] == "--dump-dom"))
                throw new InvalidOperationException($"{browser} exited with {process.ExitCode} on {htmlPath}: {stderr.Result}");
            return dom;
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }
}
