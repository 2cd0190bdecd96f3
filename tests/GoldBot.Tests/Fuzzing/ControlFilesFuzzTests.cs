using System.Globalization;
using System.Text;
using GoldBot.Controls;
using Microsoft.Extensions.Logging.Testing;

namespace GoldBot.Tests.Fuzzing;

/// <summary>
/// The fuzzing campaign of issue 11 over the control files: seeded sequences in which each of the four names becomes, between
/// scans, nothing, a file with odd contents (numbers in and out of range, signs, decimals, full-width digits, white space, a
/// BOM, NUL, binary, 65 bytes, a megabyte), a directory, a named pipe, a symbolic link to a device, to a file or to nothing.
/// After every scan: nothing thrown, nothing blocked, no log line longer than a short limit (contents are echoed in part
/// only), the emergency stop issued once at the first scan that sees its name, pause and resume following the name's
/// presence, a flatten at the first scan that sees its name, and a risk adjustment issued exactly when a regular file of
/// at most 64 bytes holds a whole number of contracts in range (then removed), renamed <c>.rejected</c> when it holds
/// anything else (white space included), and left where it is (never opened) when empty or not a regular file (a directory:
/// rejected, not renamed).
/// </summary>
public sealed class ControlFilesFuzzTests(Xunit.Abstractions.ITestOutputHelper output) : IDisposable
{
    /// <summary>Cases run by default (CI).</summary>
    public const int Cases = 100;

    private const int MinContracts = 1, MaxContracts = 50, LongestLogLine = 400;
    private static readonly string[] Names = [ControlFiles.EmergencyStop, ControlFiles.PauseTrading, ControlFiles.FlattenAll, ControlFiles.AdjustRisk];
    private static readonly string[] Contents =
        ["3", " 7\n", "50\r\n", "0", "51", "-2", "+3", "3.5", "1e1", "３", "", "\n", "abc", "3\0", "\uFEFF3", "2147483648", new string('0', 63) + "3",
         new string('0', 64) + "3", "ünïcödé ✓", "STOP"];

    private readonly string _root = Directory.CreateTempSubdirectory("goldbot-controls-fuzz-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// <summary>What one name is made into between two scans.</summary>
    private enum Shape { Absent, File, Directory, Pipe, LinkToDevice, LinkToFile, LinkToNothing, Binary, Huge }

    [Fact]
    public async Task Every_odd_control_file_acts_as_documented_without_a_crash_a_hang_or_a_long_echo()
    {
        var count = FuzzCampaign.Cases(Cases);
        var failures = new List<string>();
        var scans = 0;
        for (var seed = FuzzCampaign.FirstSeed; seed < FuzzCampaign.FirstSeed + count; seed++)
        {
            var dir = Directory.CreateDirectory(Path.Combine(_root, $"case-{seed}")).FullName;
            var problem = await RunCaseAsync(seed, dir);
            scans += problem.Scans;
            if (problem.Failure is { } failure)
                failures.Add($"seed {seed}: {failure}");
            Directory.Delete(dir, recursive: true);
        }
        output.WriteLine($"{count} cases from seed {FuzzCampaign.FirstSeed}, {scans} scans, {failures.Count} failed");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)) + $"\n({failures.Count} of {count} failed)");
    }

    private static async Task<(int Scans, string? Failure)> RunCaseAsync(int seed, string dir)
    {
        var random = new Random(seed);
        var log = new FakeLogger();
        var files = new ControlFiles(dir, MinContracts, MaxContracts, log);
        var stopped = false;
        var paused = false;
        var flattenSeen = false;
        var steps = 1 + random.Next(4);
        var history = new List<string>();
        for (var step = 0; step < steps; step++)
        {
            foreach (var name in Names)
            {
                if (step > 0 && random.Next(3) != 0)
                    continue;
                var shape = (Shape)random.Next(Enum.GetValues<Shape>().Length);
                var content = Contents[random.Next(Contents.Length)];
                if (OperatingSystem.IsWindows() && shape is Shape.Pipe)
                    shape = Shape.Absent;
                await MakeAsync(Path.Combine(dir, name), shape, content);
                history.Add($"{name}={shape}{(shape is Shape.File or Shape.LinkToFile ? $"('{Escape(content)}')" : "")}");
            }
            if (random.Next(4) == 0)
                files.FlattenCompleted();

            var adjust = Expected(dir);
            var adjustThere = Exists(Path.Combine(dir, ControlFiles.AdjustRisk));
            IReadOnlyList<ControlCommand> commands;
            try
            {
                // The guard turns a blocked read into a finding.
                commands = await Task.Run(files.Scan).WaitAsync(TimeSpan.FromMinutes(1));
            }
            catch (TimeoutException)
            {
                return (step + 1, $"scan blocked after {string.Join(", ", history)}");
            }
#pragma warning disable CA1031 // Any exception from a scan is the finding.
            catch (Exception e)
#pragma warning restore CA1031
            {
                return (step + 1, $"{e.GetType().Name} after {string.Join(", ", history)}: {e.Message}");
            }

            string? Fail(string what) => $"{what} at scan {step + 1} after {string.Join(", ", history)}; commands: {string.Join(", ", commands.Select(c => $"{c.Action} {c.Contracts}"))}";
            var present = Names.ToDictionary(n => n, n => Exists(Path.Combine(dir, n)) || Rejected(n, commands, adjust));
            if (commands.Count(c => c.Action == ControlAction.EmergencyStop) != (present[ControlFiles.EmergencyStop] && !stopped ? 1 : 0))
                return (step + 1, Fail("emergency stop not issued exactly once at the first scan that saw it"));
            stopped |= present[ControlFiles.EmergencyStop];
            var pause = present[ControlFiles.PauseTrading];
            var expectedPause = pause == paused ? [] : new[] { pause ? ControlAction.Pause : ControlAction.Resume };
            if (!commands.Select(c => c.Action).Where(a => a is ControlAction.Pause or ControlAction.Resume).SequenceEqual(expectedPause))
                return (step + 1, Fail("pause and resume do not follow the file"));
            paused = pause;
            if (!flattenSeen && present[ControlFiles.FlattenAll] && !commands.Any(c => c.Action == ControlAction.FlattenAll))
                return (step + 1, Fail("flatten not issued at the first scan that saw it"));
            flattenSeen |= present[ControlFiles.FlattenAll];
            var adjusted = commands.Where(c => c.Action == ControlAction.AdjustRisk).Select(c => c.Contracts).ToList();
            if (adjust.Contracts is { } contracts ? !adjusted.SequenceEqual([contracts]) || Exists(Path.Combine(dir, ControlFiles.AdjustRisk)) : adjusted.Count > 0)
                return (step + 1, Fail($"risk adjustment expected {adjust.Contracts?.ToString(CultureInfo.InvariantCulture) ?? "none"}"));
            if (adjust.Rejected && (Exists(Path.Combine(dir, ControlFiles.AdjustRisk)) || !File.Exists(Path.Combine(dir, ControlFiles.AdjustRisk + ".rejected"))))
                return (step + 1, Fail("a bad risk adjustment was not renamed .rejected"));
            if (adjustThere && adjust is { Contracts: null, Rejected: false } && !Exists(Path.Combine(dir, ControlFiles.AdjustRisk)))
                return (step + 1, Fail("a risk adjustment to be left alone was removed or renamed"));
            if (log.Collector.GetSnapshot().FirstOrDefault(r => r.Message.Length > LongestLogLine) is { } loud)
                return (step + 1, Fail($"a log line of {loud.Message.Length} characters"));
        }
        return (steps, null);
    }

    /// <summary>What a scan must do with ADJUST_RISK.txt as it is now: the contracts it sets, or whether it is rejected.</summary>
    private static (int? Contracts, bool Rejected) Expected(string dir)
    {
        var path = Path.Combine(dir, ControlFiles.AdjustRisk);
        var info = new FileInfo(path);
        var target = info.LinkTarget is null ? info : info.ResolveLinkTarget(returnFinalTarget: true) as FileInfo;
        if (Directory.Exists(path))
            return (null, false); // rejected with the reason, and left where it is (a directory is not renamed)
        if (target is null || !target.Exists || target.Length == 0 || target.FullName.StartsWith("/dev/", StringComparison.Ordinal))
            return (null, false);
        if (target.Length > ControlFiles.MaxAdjustRiskBytes)
            return (null, true);
        var text = Encoding.UTF8.GetString(File.ReadAllBytes(path)).TrimStart('\uFEFF').Trim();
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= MinContracts and <= MaxContracts ? (n, false) : (null, true);
    }

    /// <summary>A rejected ADJUST_RISK.txt is renamed by the scan, but it was there.</summary>
    private static bool Rejected(string name, IReadOnlyList<ControlCommand> commands, (int? Contracts, bool Rejected) adjust) =>
        name == ControlFiles.AdjustRisk && (adjust.Rejected || commands.Any(c => c.Action == ControlAction.AdjustRisk));

    private static bool Exists(string path) => File.Exists(path) || Directory.Exists(path) || new FileInfo(path).LinkTarget is not null;

    private static async Task MakeAsync(string path, Shape shape, string content)
    {
        if (Directory.Exists(path) && new FileInfo(path).LinkTarget is null)
            Directory.Delete(path, recursive: true);
        else if (Exists(path))
            File.Delete(path);
        var target = path + ".target";
        if (File.Exists(target))
            File.Delete(target);
        switch (shape)
        {
            case Shape.File:
                File.WriteAllText(path, content);
                break;
            case Shape.Directory:
                Directory.CreateDirectory(Path.Combine(path, "inside"));
                break;
            case Shape.Pipe:
                using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", path))
                    await mkfifo.WaitForExitAsync();
                break;
            case Shape.LinkToDevice:
                File.CreateSymbolicLink(path, OperatingSystem.IsWindows() ? "NUL" : "/dev/zero");
                break;
            case Shape.LinkToFile:
                File.WriteAllText(target, content);
                File.CreateSymbolicLink(path, target);
                break;
            case Shape.LinkToNothing:
                File.CreateSymbolicLink(path, Path.Combine(Path.GetDirectoryName(path)!, "nowhere"));
                break;
            case Shape.Binary:
                File.WriteAllBytes(path, [0xFF, 0xFE, 0x00, 0x33, 0x80, 0x0A]);
                break;
            case Shape.Huge:
                File.WriteAllText(path, new string('7', 1 << 20));
                break;
        }
    }

    private static string Escape(string text) => new StringBuilder(text).Replace("\n", "\\n").Replace("\r", "\\r").Replace("\0", "\\0").ToString();
}
