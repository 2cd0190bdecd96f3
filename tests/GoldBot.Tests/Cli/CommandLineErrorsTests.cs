using System.CommandLine;
using GoldBot.Cli;

namespace GoldBot.Tests.Cli;

/// <summary>
/// <see cref="CommandLineErrors"/> in-process on a verb written as a later engineer would write it (a <c>trades</c> verb with typed
/// options, a rule and an action), with no error handling of its own: it inherits the one-line errors and exit codes.
/// </summary>
public sealed class CommandLineErrorsTests
{
    private enum Side
    {
        Long,
        Short,
    }

    private static RootCommand Root(Func<int>? action = null)
    {
        var from = new Option<DateOnly?>("--from");
        var limit = new Option<int>("--limit") { DefaultValueFactory = _ => 10 };
        CommandLineErrors.AddRule(limit, n => n < 1 ? $"--limit {n} must be at least 1" : null);
        var side = new Option<Side?>("--side");
        var today = new Option<bool>("--today");
        var every = new Option<TimeSpan?>("--every");
        var trades = new Command("trades", "The trades.") { from, limit, side, today, every };
        trades.SetAction(_ => (action ?? (() => 0))());
        var root = new RootCommand("test") { new Option<double?>("--speed") };
        root.SetAction(_ => 0); // as goldbot's root, which runs the daemon
        root.Subcommands.Add(trades);
        root.Subcommands.Add(new Command("group", "Has only subcommands.") { new Command("leaf", "A leaf.") });
        return root;
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(RootCommand root, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await CommandLineErrors.InvokeAsync(root, args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Theory]
    [InlineData("trades --limit x", "error: --limit 'x' is not a whole number (see trades --help)")]
    [InlineData("trades --limit 0", "error: --limit 0 must be at least 1 (see trades --help)")]
    [InlineData("trades --from 2025-13-45", "error: --from '2025-13-45' is not a date (yyyy-MM-dd) (see trades --help)")]
    [InlineData("trades --side flat", "error: --side 'flat' is not one of long, short (see trades --help)")]
    [InlineData("trades --today maybe", "error: --today 'maybe' is not true or false (see trades --help)")]
    [InlineData("trades --every soon", "error: --every 'soon' is not a duration (hh:mm:ss) (see trades --help)")]
    [InlineData("trades --bogus", "error: unknown option or command '--bogus' (see trades --help)")]
    [InlineData("trades --limit x --side flat", "error: --limit 'x' is not a whole number; --side 'flat' is not one of long, short (see trades --help)")]
    [InlineData("--speed fast", "error: --speed 'fast' is not a number (see --help)")]
    [InlineData("group", "error: 'group' needs one of its commands: leaf (see group --help)")]
    [InlineData("nosuchverb", "error: unknown option or command 'nosuchverb' (see --help)")]
    public async Task A_parse_error_is_one_line_naming_the_option_and_the_rule_and_exit_code_2(string args, string expected)
    {
        var (exit, stdout, stderr) = await RunAsync(Root(), args.Split(' '));

        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Equal(expected, stderr.TrimEnd());
    }

    [Fact]
    public async Task An_exception_no_verb_handled_is_one_line_and_exit_code_1_without_a_stack_trace()
    {
        var (exit, _, stderr) = await RunAsync(Root(() => throw new InvalidOperationException("the journal vanished\nmid-read")), "trades");

        Assert.Equal(1, exit);
        Assert.Equal("error: the journal vanished mid-read (an unexpected failure of 'trades': please report it)", stderr.TrimEnd());
    }

    [Fact]
    public async Task A_good_command_line_runs_the_verb_and_help_still_works()
    {
        Assert.Equal(7, (await RunAsync(Root(() => 7), "trades", "--limit", "3", "--side", "short", "--today")).Exit);

        var help = await RunAsync(Root(), "trades", "--help");
        Assert.Equal(0, help.Exit);
        Assert.Contains("--limit", help.Stdout, StringComparison.Ordinal);
        Assert.Equal("", help.Stderr);
    }
}
