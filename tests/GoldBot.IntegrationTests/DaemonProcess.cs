using System.Diagnostics;
using GoldBot.Tests;

namespace GoldBot.IntegrationTests;

/// <summary>
/// The real daemon as a child process (<c>dotnet goldbot.dll</c> from the test's output folder, the repository's
/// configuration), for what only a process of its own can show: a signal, a kill -9. Its folder holds <c>logs/</c>,
/// <c>state/</c> and the control files. Waiting is on conditions, with a generous wall-clock limit that only a hung
/// daemon reaches: a loaded machine only takes longer.
/// </summary>
internal sealed class DaemonProcess : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);
    private readonly Process _process;
    private readonly Task<string> _output;
    private readonly Task<string> _errors;

    private DaemonProcess(Process process, string folder)
    {
        _process = process;
        Folder = folder;
        _output = process.StandardOutput.ReadToEndAsync();
        _errors = process.StandardError.ReadToEndAsync();
    }

    /// <summary>The daemon's folder.</summary>
    public string Folder { get; }

    /// <summary>Its monitoring folder.</summary>
    public string Logs => Path.Combine(Folder, "logs");

    /// <summary>The process id.</summary>
    public int Id => _process.Id;

    /// <summary>Its exit code (once it has exited).</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>Its log so far (every run in the folder).</summary>
    public string Log => Directory.Exists(Logs) ? string.Concat(Directory.GetFiles(Logs, "goldbot-*.log").Order().Select(File.ReadAllText)) : "";

    /// <summary>Starts the daemon with <paramref name="arguments"/> in <paramref name="folder"/>; <paramref name="settings"/> become <c>GOLDBOT__</c> variables.</summary>
    public static DaemonProcess Start(string folder, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? settings = null)
    {
        // Through env, with SIGHUP back to its default: a test run started under nohup passes SIGHUP on as ignored, and the
        // runtime (rightly) leaves an ignored signal ignored.
        var start = new ProcessStartInfo("env") { WorkingDirectory = SharedData.RepoRoot, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["--default-signal=HUP", "dotnet", Path.Combine(AppContext.BaseDirectory, "goldbot.dll")])
            start.ArgumentList.Add(argument);
        foreach (var argument in arguments.Concat(["--config", Path.Combine(SharedData.RepoRoot, "config", "appsettings.json")]))
            start.ArgumentList.Add(argument);
        start.Environment["GOLDBOT__Monitoring__LogDirectory"] = Path.Combine(folder, "logs");
        start.Environment["GOLDBOT__Controls__Directory"] = folder;
        start.Environment["GOLDBOT__State__Directory"] = Path.Combine(folder, "state");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            start.Environment["GOLDBOT__" + key.Replace(":", "__", StringComparison.Ordinal)] = value;
        return new DaemonProcess(Process.Start(start)!, folder);
    }

    /// <summary>Waits until <paramref name="condition"/> holds; fails with the daemon's output if it exits (unless <paramref name="exitIsFine"/>) or hangs first.</summary>
    public async Task WaitUntilAsync(string what, Func<Task<bool>> condition, bool exitIsFine = false)
    {
        var started = Stopwatch.GetTimestamp();
        while (!await condition())
        {
            if (_process.HasExited && !exitIsFine)
                throw new InvalidOperationException($"the daemon exited ({_process.ExitCode}) before {what}: {await _errors}{await _output}{Log}");
            if (Stopwatch.GetElapsedTime(started) > Patience)
                throw new TimeoutException($"not {what} after {Patience.TotalMinutes} min: {Log}");
            await Task.Delay(50);
        }
    }

    /// <summary>Sends a POSIX signal by name (<c>HUP</c>, <c>KILL</c>…) and waits for the process to end.</summary>
    public async Task SignalAndWaitAsync(string signal)
    {
        using (var kill = Process.Start("/bin/sh", ["-c", $"kill -{signal} {_process.Id}"]))
            await kill.WaitForExitAsync();
        await WaitForExitAsync();
    }

    /// <summary>Waits for the process to end (at most the patience).</summary>
    /// <exception cref="TimeoutException">It did not end within the patience; its log so far is in the message.</exception>
    public async Task WaitForExitAsync()
    {
        using var patience = new CancellationTokenSource(Patience);
        try
        {
            await _process.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"the daemon did not exit within {Patience.TotalMinutes} min: {Log}");
        }
    }

    /// <summary>kill -9 at once (SIGKILL), from any thread, and waits for the process to be gone.</summary>
    public void KillNow()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    /// <summary>What it printed on stdout and stderr (once it has exited).</summary>
    public async Task<string> OutputAsync() => await _errors + await _output;

    public void Dispose()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
