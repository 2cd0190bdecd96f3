using System.Text.Json.Nodes;
using GoldBot.Cli;

namespace GoldBot.Tests.Cli;

/// <summary><c>goldbot config check</c> and <c>config show</c>: the daemon's loading and rules, exit 0 valid and 2 invalid, secrets redacted.</summary>
public sealed class ConfigCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("goldbot-config-cli-").FullName;
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    /// <summary>A configuration file in the test folder whose logs and control files stay there, plus <paramref name="sections"/>.</summary>
    private string Config(string sections = "")
    {
        var folder = _folder.Replace("\\", "/", StringComparison.Ordinal);
        var path = Path.Combine(_folder, "appsettings.json");
        File.WriteAllText(path, $$"""
            {
              "Monitoring": { "LogDirectory": "{{folder}}/logs" },
              "Controls": { "Directory": "{{folder}}" },
              "Calendar": { "File": "{{Path.Combine(SharedData.RepoRoot, "config", "cme-calendar.json").Replace("\\", "/", StringComparison.Ordinal)}}" }{{sections}}
            }
            """);
        return path;
    }

    private Task<int> RunAsync(string config, bool show = false, Dictionary<string, string?>? environment = null) =>
        ConfigCommand.RunAsync(config, show, environment ?? [], _output, _error);

    private string[] Errors => _error.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public async Task The_repository_configuration_is_valid()
    {
        Assert.Equal(0, await RunAsync(Path.Combine(SharedData.RepoRoot, "config", "appsettings.json")));
        Assert.StartsWith("configuration valid: ", _output.ToString(), StringComparison.Ordinal);
        Assert.Contains("mode Replay, MGC", _output.ToString(), StringComparison.Ordinal);
        Assert.Empty(_error.ToString());
    }

    [Fact]
    public async Task Every_problem_is_one_line_naming_its_key_and_the_exit_code_is_2()
    {
        var config = Config("""
            , "Mode": "Livee", "Risk": { "DailyLossLimit": 0 }, "Strategy": { "MinScore": 11 },
              "Serilog": { "MinimumLevel": { "Default": "Loud" }, "WriteTo": { "Seq": { "Name": "Seq" } } }
            """);
        Assert.Equal(2, await RunAsync(config));
        Assert.Empty(_output.ToString());
        Assert.All(Errors, line => Assert.StartsWith("error: ", line, StringComparison.Ordinal));
        Assert.Contains("error: Mode: 'Livee' is not one of Replay, Sim, Paper, Live", Errors);
        Assert.Contains(Errors, l => l.StartsWith("error: Risk:DailyLossLimit: ", StringComparison.Ordinal));
        Assert.Contains("error: Strategy:MinScore must be between 1 and 10", Errors);
        Assert.Contains("error: Serilog:MinimumLevel:Default: 'Loud' is not one of Verbose, Debug, Information, Warning, Error, Fatal", Errors);
        Assert.Contains("error: Serilog:WriteTo:Seq: 'Seq' is not a sink GoldBot ships (one of Console, File)", Errors);
    }

    [Fact]
    public async Task Environment_overrides_are_checked_like_the_file()
    {
        Assert.Equal(2, await RunAsync(Config(), environment: new() { ["GOLDBOT__Risk__MaxContracts"] = "lots" }));
        Assert.Contains(Errors, l => l.StartsWith("error: Risk:MaxContracts: 'lots' is not", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_broken_JSON_file_is_reported_with_its_line_and_column_counted_from_1()
    {
        var path = Path.Combine(_folder, "broken.json");
        File.WriteAllText(path, "{\n  \"Risk\": {\n    \"DailyLossLimit\": 700,,\n  }\n}\n");
        Assert.Equal(2, await RunAsync(path, show: true));
        var line = Assert.Single(Errors);
        Assert.StartsWith($"error: configuration file {path} is not valid JSON at line 3, column 27: ", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_controls_folder_is_a_problem_as_at_the_daemons_start()
    {
        var config = Config();
        File.WriteAllText(config, File.ReadAllText(config).Replace("\"Directory\": \"", "\"Directory\": \"/nonexistent", StringComparison.Ordinal));
        Assert.Equal(2, await RunAsync(config));
        Assert.StartsWith("error: Controls:Directory /nonexistent", Assert.Single(Errors), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_prints_the_effective_configuration_with_defaults_overrides_and_the_log_but_no_secret()
    {
        var config = Config("""
            , "TopstepX": { "SimulatorUrl": "http://operator:hunter2@127.0.0.1:5200/?access_token=tok123" }
            """);
        Assert.Equal(0, await RunAsync(config, show: true, environment: new()
        {
            ["GOLDBOT__TopstepX__ApiKey"] = "key-abc-123",
            ["GOLDBOT__TopstepX__UserName"] = "trader",
            ["GOLDBOT__Risk__DailyLossLimit"] = "600",
        }));
        var text = _output.ToString();
        foreach (var secret in (string[])["key-abc-123", "hunter2", "tok123"])
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        var shown = JsonNode.Parse(text)!;
        Assert.Equal(600m, shown["Risk"]!["DailyLossLimit"]!.GetValue<decimal>());
        Assert.Equal(2000m, shown["Risk"]!["MaxLossLimit"]!.GetValue<decimal>());
        Assert.Equal("Replay", shown["Mode"]!.GetValue<string>());
        Assert.Equal("trader", shown["TopstepX"]!["UserName"]!.GetValue<string>());
        Assert.Equal("(redacted)", shown["TopstepX"]!["ApiKey"]!.GetValue<string>());
        Assert.Equal("http://(redacted)@127.0.0.1:5200/?(redacted)", shown["TopstepX"]!["SimulatorUrl"]!.GetValue<string>());
        Assert.Null(shown["TopstepX"]!["HasCredentials"]);
        Assert.Equal(Path.Combine(_folder, "logs", "goldbot-.log"), shown["Serilog"]!["WriteTo"]!["File"]!["Args"]!["path"]!.GetValue<string>());
        Assert.Equal("Information", shown["Serilog"]!["WriteTo"]!["Console"]!["Args"]!["restrictedToMinimumLevel"]!.GetValue<string>());
    }

    public void Dispose()
    {
        _output.Dispose();
        _error.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
