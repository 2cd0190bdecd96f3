using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.Globalization;

namespace GoldBot.Cli;

/// <summary>
/// The one way every verb of <c>goldbot</c> and <c>goldbot-sim</c> is run (issue 14 §4), so a verb added later behaves the same
/// without doing anything: a parse error (an unknown option or verb, a value of the wrong type, a missing required option, a
/// validator's rule) is ONE line on stderr, <c>error: …</c>, naming the option and the rule in words (never a .NET type name such
/// as <c>System.Int32</c>), with no help text, and exit code <see cref="BadInput"/>; an exception no verb handled is one line
/// and exit code <see cref="Failed"/>, never a stack trace. <c>--help</c> and <c>--version</c> work as System.CommandLine makes them.
/// This file is also compiled into goldbot-sim (linked by its project file).
/// </summary>
internal static class CommandLineErrors
{
    /// <summary>Exit code of a bad option, value or range (and, by each verb, of bad input files and configuration).</summary>
    public const int BadInput = 2;

    /// <summary>Exit code of an unexpected failure (an exception no verb handled).</summary>
    public const int Failed = 1;

    /// <summary>Parses <paramref name="args"/> against <paramref name="root"/> and runs the chosen verb; returns the exit code.</summary>
    /// <param name="output">Standard output (default <see cref="Console.Out"/>), handed to the verbs as <see cref="InvocationConfiguration.Output"/>.</param>
    /// <param name="error">Standard error (default <see cref="Console.Error"/>), handed to the verbs as <see cref="InvocationConfiguration.Error"/>.</param>
    public static async Task<int> InvokeAsync(RootCommand root, IReadOnlyList<string> args, TextWriter? output = null, TextWriter? error = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(args);
        output ??= Console.Out;
        error ??= Console.Error;
        ParseResult parse;
        try
        {
            parse = root.Parse(args);
        }
#pragma warning disable CA1031 // A validator that throws: one line, not a stack trace.
        catch (Exception e)
#pragma warning restore CA1031
        {
            await error.WriteLineAsync($"error: {Message(e)} (an unexpected failure while reading the command line: please report it)");
            return Failed;
        }
        if (parse.Action is ParseErrorAction)
        {
            await error.WriteLineAsync(Describe(parse));
            return BadInput;
        }
        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (OperationCanceledException)
        {
            return Failed; // Ctrl+C before the verb could end on its own: interrupted, as the README's exit codes say.
        }
#pragma warning disable CA1031 // The last line of defence: one line instead of a stack trace.
        catch (Exception e)
#pragma warning restore CA1031
        {
            await error.WriteLineAsync($"error: {Message(e)} (an unexpected failure of '{Path(parse.CommandResult.Command)}': please report it)");
            return Failed;
        }
    }

    /// <summary>
    /// Adds the rule <paramref name="problem"/> to <paramref name="option"/>: it sees the value once it has converted (a value of the
    /// wrong type is reported as such, without it) and returns the one-line problem, naming the option, or null when the value is good.
    /// </summary>
    public static void AddRule<T>(Option<T> option, Func<T, string?> problem)
    {
        ArgumentNullException.ThrowIfNull(option);
        ArgumentNullException.ThrowIfNull(problem);
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count == 0 || result.Tokens.Any(t => !Converts(t.Value, Element(option.ValueType))))
                return;
            if (problem(result.GetValueOrDefault<T>()) is { } text)
                result.AddError(text);
        });
    }

    /// <summary>The parse errors of <paramref name="parse"/> as one line: <c>error: </c>, each problem, and where help is.</summary>
    internal static string Describe(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var problems = parse.Errors.Select(e => Problem(parse, e)).Distinct(StringComparer.Ordinal).ToList();
        var help = Path(parse.CommandResult.Command);
        return $"error: {string.Join("; ", problems)} (see {(help.Length == 0 ? "" : help + " ")}--help)";
    }

    private static string Problem(ParseResult parse, ParseError error)
    {
        var option = error.SymbolResult switch
        {
            ArgumentResult { Parent: OptionResult o } => o,
            OptionResult o => o,
            _ => null,
        };
        if (option is not null)
        {
            var type = Element(option.Option.ValueType);
            foreach (var token in error.SymbolResult!.Tokens.Select(t => t.Value))
            {
                if (!Converts(token, type))
                    return $"{option.Option.Name} '{token}' is not {Expected(type)}";
            }
        }
        // A word the command does not know; after a switch (--close-break maybe) it is a value that is not true or false.
        if (parse.UnmatchedTokens.FirstOrDefault(u => error.Message.Contains($"'{u}'", StringComparison.Ordinal)) is { } unmatched)
        {
            var at = parse.Tokens.Select(t => t.Value).ToList().IndexOf(unmatched);
            var before = at > 0 ? parse.Tokens[at - 1].Value : null;
            var flag = parse.CommandResult.Command.Options.FirstOrDefault(o => o.Name == before || o.Aliases.Contains(before!));
            return flag is not null && Element(flag.ValueType) == typeof(bool)
                ? $"{flag.Name} '{unmatched}' is not {Expected(typeof(bool))}"
                : $"unknown option or command '{unmatched}'";
        }
        // A command with subcommands but no action of its own (goldbot risk): name what may follow it.
        if (error.SymbolResult is CommandResult { Command: { Action: null, Subcommands.Count: > 0 } command } && ReferenceEquals(parse.CommandResult.Command, command))
            return $"'{(command is RootCommand ? command.Name : Path(command))}' needs one of its commands: {string.Join(", ", command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name))}";
        return OneLine(error.Message).TrimEnd('.');
    }

    /// <summary>The type one token converts to: <c>T</c> of <c>T?</c> and of <c>T[]</c>.</summary>
    private static Type Element(Type type)
    {
        type = type.IsArray ? type.GetElementType()! : type;
        return Nullable.GetUnderlyingType(type) ?? type;
    }

    /// <summary>The value types a verb's options use, how a token of each is checked, and how it is named to the user.</summary>
    private static readonly (Type Type, Func<string, bool> Parses, string Words)[] Kinds =
    [
        (typeof(int), t => int.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out _), "a whole number"),
        (typeof(long), t => long.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out _), "a whole number"),
        (typeof(double), t => double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out _), "a number"),
        (typeof(float), t => float.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out _), "a number"),
        (typeof(decimal), t => decimal.TryParse(t, NumberStyles.Number, CultureInfo.InvariantCulture, out _), "a number"),
        (typeof(DateTimeOffset), t => DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _), "a date (yyyy-MM-dd) or an ISO 8601 date-time"),
        (typeof(DateTime), t => DateTime.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _), "a date (yyyy-MM-dd) or an ISO 8601 date-time"),
        (typeof(DateOnly), t => DateOnly.TryParse(t, CultureInfo.InvariantCulture, out _), "a date (yyyy-MM-dd)"),
        (typeof(TimeOnly), t => TimeOnly.TryParse(t, CultureInfo.InvariantCulture, out _), "a time of day (HH:mm)"),
        (typeof(TimeSpan), t => TimeSpan.TryParse(t, CultureInfo.InvariantCulture, out _), "a duration (hh:mm:ss)"),
        (typeof(bool), t => bool.TryParse(t, out _), "true or false"),
    ];

    private static bool Converts(string token, Type type)
    {
        if (type.IsEnum)
            return Enum.TryParse(type, token, ignoreCase: true, out _);
        if (Kinds.FirstOrDefault(k => k.Type == type) is { Parses: { } parses })
            return parses(token);
        // Any other type: as its converter reads it.
        var converter = System.ComponentModel.TypeDescriptor.GetConverter(type);
        if (type == typeof(string) || !converter.CanConvertFrom(typeof(string)))
            return true;
        try
        {
            converter.ConvertFromInvariantString(token);
            return true;
        }
#pragma warning disable CA1031 // A converter's refusal, whatever it throws.
        catch (Exception)
#pragma warning restore CA1031
        {
            return false;
        }
    }

    /// <summary>What a value of <paramref name="type"/> looks like, in words.</summary>
    private static string Expected(Type type) =>
        type.IsEnum ? "one of " + string.Join(", ", Enum.GetNames(type).Select(n => n.ToLowerInvariant()))
        : Kinds.FirstOrDefault(k => k.Type == type).Words ?? "a valid value";

    /// <summary>The verb's path without the executable's name, e.g. <c>risk set-floor</c>; empty for the root.</summary>
    private static string Path(Command command)
    {
        var names = new List<string>();
        for (Symbol? s = command; s is Command { } c and not RootCommand; s = c.Parents.FirstOrDefault())
            names.Insert(0, s.Name);
        return string.Join(' ', names);
    }

    /// <summary>
    /// An exception's message as one line, without the <c> (Parameter 'name')</c> that <see cref="ArgumentException"/> appends
    /// (a C# parameter name means nothing to someone at a prompt).
    /// </summary>
    public static string Message(Exception e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var message = e is ArgumentException { ParamName: { } name } ? e.Message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal) : e.Message;
        return OneLine(message);
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}
