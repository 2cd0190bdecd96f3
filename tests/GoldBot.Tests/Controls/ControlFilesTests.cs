using GoldBot.Controls;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace GoldBot.Tests.Controls;

public sealed class ControlFilesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("goldbot-controls-").FullName;
    private readonly FakeLogger _log = new();
    private readonly ControlFiles _files;

    public ControlFilesTests() => _files = new ControlFiles(_dir, 1, 50, _log);

    private IEnumerable<string> Errors => _log.Collector.GetSnapshot().Where(r => r.Level == LogLevel.Error).Select(r => r.Message);

    private void Drop(string name, string text = "") => File.WriteAllText(Path.Combine(_dir, name), text);

    private bool Exists(string name) => File.Exists(Path.Combine(_dir, name));

    [Fact]
    public void No_files_no_commands() => Assert.Empty(_files.Scan());

    [Fact]
    public void Emergency_stop_is_issued_once_and_the_file_is_kept()
    {
        Drop(ControlFiles.EmergencyStop, "STOP");
        Assert.Equal([new ControlCommand(ControlAction.EmergencyStop, null, ControlFiles.EmergencyStop)], _files.Scan());
        Assert.Empty(_files.Scan());
        Assert.True(Exists(ControlFiles.EmergencyStop));
    }

    [Fact]
    public void Pause_lasts_while_the_file_exists_and_resume_follows_its_removal()
    {
        Drop(ControlFiles.PauseTrading);
        Assert.Equal(ControlAction.Pause, Assert.Single(_files.Scan()).Action);
        Assert.Empty(_files.Scan());
        File.Delete(Path.Combine(_dir, ControlFiles.PauseTrading));
        Assert.Equal(ControlAction.Resume, Assert.Single(_files.Scan()).Action);
        Assert.Empty(_files.Scan());
    }

    [Fact]
    public void Flatten_all_acts_once_and_is_removed_when_the_flatten_completes()
    {
        Drop(ControlFiles.FlattenAll);
        Assert.Equal(ControlAction.FlattenAll, Assert.Single(_files.Scan()).Action);
        Assert.Empty(_files.Scan());
        Assert.True(Exists(ControlFiles.FlattenAll)); // kept until the account is flat: a restart meanwhile flattens again

        _files.FlattenCompleted();
        Assert.True(Exists(ControlFiles.FlattenAll)); // the executor's call does no file work

        Assert.Empty(_files.Scan());
        Assert.False(Exists(ControlFiles.FlattenAll));
    }

    [Fact]
    public void A_daemon_started_again_with_flatten_all_still_there_acts_on_it()
    {
        Drop(ControlFiles.FlattenAll);
        Assert.Single(_files.Scan());

        var restarted = new ControlFiles(_dir, 1, 50, _log);

        Assert.Equal(ControlAction.FlattenAll, Assert.Single(restarted.Scan()).Action);
    }

    [Fact]
    public void A_flatten_all_written_after_it_was_acted_on_is_not_removed_by_the_earlier_flatten_and_acts_again()
    {
        var path = Path.Combine(_dir, ControlFiles.FlattenAll);
        Drop(ControlFiles.FlattenAll);
        File.SetLastWriteTimeUtc(path, new DateTime(2025, 12, 2, 15, 0, 0, DateTimeKind.Utc));
        Assert.Single(_files.Scan());
        File.SetLastWriteTimeUtc(path, new DateTime(2025, 12, 2, 15, 5, 0, DateTimeKind.Utc)); // written again by the operator

        _files.FlattenCompleted();

        Assert.Equal(ControlAction.FlattenAll, Assert.Single(_files.Scan()).Action);
        Assert.True(Exists(ControlFiles.FlattenAll));
    }

    [Fact]
    public void A_valid_risk_adjustment_is_applied_and_consumed()
    {
        Drop(ControlFiles.AdjustRisk, "10\n");
        Assert.Equal([new ControlCommand(ControlAction.AdjustRisk, 10, ControlFiles.AdjustRisk)], _files.Scan());
        Assert.False(Exists(ControlFiles.AdjustRisk));
    }

    [Theory]
    [InlineData("ten")]
    [InlineData("0")]
    [InlineData("51")]
    [InlineData("-3")]
    [InlineData("2.5")]
    public void A_bad_risk_adjustment_is_renamed_rejected_and_ignored(string value)
    {
        Drop(ControlFiles.AdjustRisk, value);
        Assert.Empty(_files.Scan());
        Assert.False(Exists(ControlFiles.AdjustRisk));
        Assert.Equal(value, File.ReadAllText(Path.Combine(_dir, ControlFiles.AdjustRisk + ".rejected")));
    }

    [Fact]
    public void A_flatten_all_that_cannot_be_removed_acts_once_is_reported_when_done_and_acts_again_when_it_changes()
    {
        var path = Path.Combine(_dir, ControlFiles.FlattenAll);
        Directory.CreateDirectory(path); // cannot be deleted as a file, even by root
        Directory.SetLastWriteTimeUtc(path, new DateTime(2025, 12, 2, 15, 0, 0, DateTimeKind.Utc));

        Assert.Equal(ControlAction.FlattenAll, Assert.Single(_files.Scan()).Action);
        _files.FlattenCompleted();
        Assert.Empty(_files.Scan());
        Assert.Contains("FLATTEN_ALL.txt done (the account is flat), but it cannot be removed", Assert.Single(Errors), StringComparison.Ordinal);

        Directory.SetLastWriteTimeUtc(path, new DateTime(2025, 12, 2, 15, 5, 0, DateTimeKind.Utc));
        Assert.Equal(ControlAction.FlattenAll, Assert.Single(_files.Scan()).Action);
        Assert.Empty(_files.Scan());
    }

    [Fact]
    public void An_emergency_stop_that_is_a_directory_still_stops_with_a_warning()
    {
        Directory.CreateDirectory(Path.Combine(_dir, ControlFiles.EmergencyStop));

        Assert.Equal(ControlAction.EmergencyStop, Assert.Single(_files.Scan()).Action);
        Assert.Contains(_log.Collector.GetSnapshot(), r => r.Level == LogLevel.Warning && r.Message.Contains("is a directory", StringComparison.Ordinal));
    }

    [Fact]
    public void An_oversized_risk_adjustment_is_rejected_without_echoing_it()
    {
        Drop(ControlFiles.AdjustRisk, new string('9', 20_000_000));

        Assert.Empty(_files.Scan());
        Assert.True(Exists(ControlFiles.AdjustRisk + ".rejected"));
        var error = Assert.Single(Errors);
        Assert.Contains("20000000 bytes, more than 64", error, StringComparison.Ordinal);
        Assert.True(error.Length < 200, error);
    }

    [Fact]
    public void A_long_bad_risk_adjustment_is_echoed_only_in_part()
    {
        Drop(ControlFiles.AdjustRisk, new string('x', 60));

        Assert.Empty(_files.Scan());
        Assert.Contains($"'{new string('x', ControlFiles.EchoCharacters)}…'", Assert.Single(Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void A_risk_adjustment_that_is_a_directory_is_rejected_once()
    {
        Directory.CreateDirectory(Path.Combine(_dir, ControlFiles.AdjustRisk));

        Assert.Empty(_files.Scan());
        Assert.Empty(_files.Scan());
        Assert.Contains("it is a directory, not a file", Assert.Single(Errors), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_risk_adjustment_that_is_a_pipe_is_never_opened_and_is_reported_once_then_a_file_in_its_place_acts()
    {
        if (OperatingSystem.IsWindows())
            return; // Windows has no named pipes in the file system
        var path = Path.Combine(_dir, ControlFiles.AdjustRisk);
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", path))
            await mkfifo.WaitForExitAsync();

        // Opening a pipe waits for a writer: a scan that opened it would never return (the guard only turns a hang into a failure).
        for (var i = 0; i < 3; i++)
            Assert.Empty(await Task.Run(_files.Scan).WaitAsync(TimeSpan.FromMinutes(1)));

        var warning = Assert.Single(_log.Collector.GetSnapshot(), r => r.Level == LogLevel.Warning);
        Assert.Contains("not a regular file (a pipe or a device)", warning.Message, StringComparison.Ordinal);
        File.Delete(path);
        Drop(ControlFiles.AdjustRisk, "3");
        Assert.Equal([new ControlCommand(ControlAction.AdjustRisk, 3, ControlFiles.AdjustRisk)], _files.Scan());
    }

    [Fact]
    public void An_empty_risk_adjustment_waits_for_its_number_and_is_reported_once_if_it_stays_empty()
    {
        Drop(ControlFiles.AdjustRisk);
        Assert.Empty(_files.Scan()); // being written: `echo 3 > ADJUST_RISK.txt` creates it empty first
        Assert.DoesNotContain(_log.Collector.GetSnapshot(), r => r.Level >= LogLevel.Warning);
        Assert.Empty(_files.Scan());
        Assert.Empty(_files.Scan());
        Assert.Single(_log.Collector.GetSnapshot(), r => r.Level >= LogLevel.Warning);
        Drop(ControlFiles.AdjustRisk, "4\n");
        Assert.Equal(4, Assert.Single(_files.Scan()).Contracts);
    }

    [Fact]
    public void A_risk_adjustment_linked_to_an_endless_device_is_never_read_and_a_link_to_nothing_still_stops()
    {
        if (OperatingSystem.IsWindows())
            return; // no /dev/zero
        File.CreateSymbolicLink(Path.Combine(_dir, ControlFiles.AdjustRisk), "/dev/zero"); // its own size is 9 bytes, the device's endless
        File.CreateSymbolicLink(Path.Combine(_dir, ControlFiles.EmergencyStop), Path.Combine(_dir, "nowhere"));

        Assert.Equal([new ControlCommand(ControlAction.EmergencyStop, null, ControlFiles.EmergencyStop)], _files.Scan());
        Assert.Empty(_files.Scan());
        Assert.Contains("not a regular file", Assert.Single(_log.Collector.GetSnapshot(), r => r.Level == LogLevel.Warning).Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
