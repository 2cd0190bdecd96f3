namespace GoldBot.Smc.Reference;

/// <summary>
/// One named output column of a reference-mode SMC function: one value per input bar, in the
/// dtype the Python library produces (see <see cref="SmcColumnType"/>). Column names and order are
/// the library's (for example <c>FVG, Top, Bottom, MitigatedIndex</c>).
/// </summary>
public sealed class SmcColumn
{
    private readonly double[]? _float64;
    private readonly float[]? _float32;
    private readonly int[]? _int32;

    private SmcColumn(string name, SmcColumnType type, double[]? float64, float[]? float32, int[]? int32, int length)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        Type = type;
        _float64 = float64;
        _float32 = float32;
        _int32 = int32;
        Length = length;
    }

    /// <summary>A float64 column over <paramref name="values"/> (not copied).</summary>
    public static SmcColumn Float64(string name, double[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new SmcColumn(name, SmcColumnType.Float64, values, null, null, values.Length);
    }

    /// <summary>A float32 column over <paramref name="values"/> (not copied).</summary>
    public static SmcColumn Float32(string name, float[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new SmcColumn(name, SmcColumnType.Float32, null, values, null, values.Length);
    }

    /// <summary>An int32 column over <paramref name="values"/> (not copied).</summary>
    public static SmcColumn Int32(string name, int[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new SmcColumn(name, SmcColumnType.Int32, null, null, values, values.Length);
    }

    /// <summary>The library's column name, e.g. <c>MitigatedIndex</c>.</summary>
    public string Name { get; }

    /// <summary>The column's dtype.</summary>
    public SmcColumnType Type { get; }

    /// <summary>Number of rows (= input bars).</summary>
    public int Length { get; }

    /// <summary>Row <paramref name="row"/> as a double (float32 and int32 values widen exactly).</summary>
    public double this[int row] => Type switch
    {
        SmcColumnType.Float64 => _float64![row],
        SmcColumnType.Float32 => _float32![row],
        _ => _int32![row],
    };

    /// <summary>Writes row <paramref name="row"/> as pandas <c>to_csv</c> prints it; returns the length written (0 for NaN).</summary>
    public int Format(int row, Span<char> destination) => Type switch
    {
        SmcColumnType.Float64 => PandasNumberFormat.FormatFloat64(_float64![row], destination),
        SmcColumnType.Float32 => PandasNumberFormat.FormatFloat32(_float32![row], destination),
        _ => _int32![row].TryFormat(destination, out var written, default, System.Globalization.CultureInfo.InvariantCulture) ? written : 0,
    };

    /// <summary>
    /// Rows where at least one of <paramref name="columns"/> carries a value: not NaN for float
    /// columns, not 0 for int columns (the results' "signal" rows, for summaries).
    /// </summary>
    public static int CountPresent(params SmcColumn[] columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var count = 0;
        for (var row = 0; row < columns[0].Length; row++)
        {
            foreach (var column in columns)
            {
                var value = column[row];
                if (column.Type == SmcColumnType.Int32 ? value != 0 : !double.IsNaN(value))
                {
                    count++;
                    break;
                }
            }
        }
        return count;
    }
}
