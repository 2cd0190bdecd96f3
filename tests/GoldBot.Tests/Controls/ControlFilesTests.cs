using GoldBot.Controls;
using Microsoft.Extensions.Logging.Abstractions;

namespace GoldBot.Tests.Controls;

public sealed class ControlFilesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("goldbot-controls-").FullName;
    private readonly ControlFiles _files;

    public ControlFilesTests() => _files = new ControlFiles(_dir, 1, 50, NullLogger.Instance);

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
    public void Flatten_all_is_consumed()
    {
        Drop(ControlFiles.FlattenAll);
        Assert.Equal(ControlAction.FlattenAll, Assert.Single(_files.Scan()).Action);
        Assert.False(Exists(ControlFiles.FlattenAll));
        Assert.Empty(_files.Scan());
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

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
