using System.CommandLine;
using System.Globalization;

namespace GoldBot.Cli;

/// <summary>The rule of an <c>--account</c> option: a TopstepX account id is a positive whole number (<c>goldbot accounts</c> lists them).</summary>
internal static class AccountIds
{
    /// <summary>Adds the rule to <paramref name="option"/> (<c>Option&lt;long&gt;</c> or <c>Option&lt;long?&gt;</c>): 0 or below is a parse error naming it.</summary>
    public static void MustBePositive<T>(Option<T> option) => CommandLineErrors.AddRule(option, value =>
        value is long id && id <= 0 ? string.Create(CultureInfo.InvariantCulture, $"{option.Name} {id} is not an account id: ids are positive (goldbot accounts lists them)") : null);
}
