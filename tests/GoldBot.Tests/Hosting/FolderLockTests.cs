using GoldBot.Hosting;

namespace GoldBot.Tests.Hosting;

public sealed class FolderLockTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2025, 12, 10, 15, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Directory.CreateTempSubdirectory("goldbot-lock-").FullName;

    [Fact]
    public void A_second_daemon_on_the_same_folder_is_refused_with_the_holders_process_named()
    {
        using var first = FolderLock.Acquire(_folder, Now);

        var e = Assert.Throws<FolderLockedException>(() => FolderLock.Acquire(_folder, Now));

        Assert.Contains($"pid {Environment.ProcessId}", e.Message, StringComparison.Ordinal);
        Assert.Contains("2025-12-10 15:00:00 UTC", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_folder_is_free_again_once_the_holder_releases_it()
    {
        FolderLock.Acquire(_folder, Now).Dispose();

        using var second = FolderLock.Acquire(_folder, Now);

        Assert.True(File.Exists(Path.Combine(_folder, "goldbot.pid")));
    }

    [Fact]
    public async Task A_daemon_started_in_a_held_folder_exits_2_with_one_line_and_leaves_the_holders_files_alone()
    {
        using var holder = FolderLock.Acquire(_folder, Now);
        File.WriteAllText(Path.Combine(_folder, "status.json"), "{\"mine\":true}");
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await DaemonRunner.RunAsync(new RunArguments(null, null, null, new Dictionary<string, string?> { ["Monitoring:LogDirectory"] = _folder }),
            output, error, CancellationToken.None);

        Assert.Equal(2, exit);
        var line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: another GoldBot is running in ", line, StringComparison.Ordinal);
        Assert.Equal("{\"mine\":true}", File.ReadAllText(Path.Combine(_folder, "status.json")));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
