namespace GoldBot.Smc.Reference;

/// <summary>
/// One named output column of a reference-mode SMC function: one value per input bar, in the
/// dtype the Python library produces (see <see cref="SmcColumnType"/>). Column names and order are
/// the library's (for example <c>FVG, Top, Bottom, MitigatedIndex</c>).
/// </summary>
/// <remarks>
/// A column is stored densely (one value per row) or, for the mostly empty outputs of swings,
/// BOS/CHoCH, order blocks, gaps and liquidity, sparsely: the ascending rows that may hold a value
/// (shared by the frame's columns) and one value per such row, every other row NaN. A sparse
/// column holds a few thousand values instead of one per bar, so computing a result allocates
/// kilobytes instead of megabytes; its one-value-per-row array is built on first request.
/// </remarks>
public sealed class SmcColumn
{
    private readonly double[]? _float64;
    private readonly float[]? _float32;
    private readonly int[]? _int32;
    private readonly int[]? _rows; // sparse: rows[0..count) ascending; null when dense
    private readonly int _count;
    private Array? _dense; // sparse: the one-value-per-row array, built on first request

    private SmcColumn(string name, SmcColumnType type, double[]? float64, float[]? float32, int[]? int32, int length, int[]? rows = null, int count = 0)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        Type = type;
        _float64 = float64;
        _float32 = float32;
        _int32 = int32;
        Length = length;
        _rows = rows;
        _count = count;
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

    /// <summary>
    /// A sparse float64 column of <paramref name="length"/> rows: row <c>rows[k]</c> holds
    /// <c>values[k]</c> for k &lt; <paramref name="count"/> (rows ascending), every other row NaN.
    /// The arrays are not copied.
    /// </summary>
    internal static SmcColumn SparseFloat64(string name, int length, int[] rows, double[] values, int count) =>
        new(name, SmcColumnType.Float64, values, null, null, length, rows, count);

    /// <summary>A sparse float32 column (see <see cref="SparseFloat64"/>).</summary>
    internal static SmcColumn SparseFloat32(string name, int length, int[] rows, float[] values, int count) =>
        new(name, SmcColumnType.Float32, null, values, null, length, rows, count);

    /// <summary>The library's column name, e.g. <c>MitigatedIndex</c>.</summary>
    public string Name { get; }

    /// <summary>The column's dtype.</summary>
    public SmcColumnType Type { get; }

    /// <summary>Number of rows (= input bars).</summary>
    public int Length { get; }

    /// <summary>Row <paramref name="row"/> as a double (float32 and int32 values widen exactly).</summary>
    /// <exception cref="IndexOutOfRangeException"><paramref name="row"/> is outside 0..<see cref="Length"/>−1.</exception>
    public double this[int row]
    {
        get
        {
            if (_rows is null)
            {
                return Type switch
                {
                    SmcColumnType.Float64 => _float64![row],
                    SmcColumnType.Float32 => _float32![row],
                    _ => _int32![row],
                };
            }
            if ((uint)row >= (uint)Length)
                throw new IndexOutOfRangeException($"row {row} is outside 0..{Length - 1}");
            var k = Array.BinarySearch(_rows, 0, _count, row);
            return k < 0 ? double.NaN : Type == SmcColumnType.Float64 ? _float64![k] : _float32![k];
        }
    }

    /// <summary>Writes row <paramref name="row"/> as pandas <c>to_csv</c> prints it; returns the length written (0 for NaN).</summary>
    public int Format(int row, Span<char> destination) => Type switch
    {
        SmcColumnType.Float64 => PandasNumberFormat.FormatFloat64(this[row], destination),
        SmcColumnType.Float32 => PandasNumberFormat.FormatFloat32((float)this[row], destination),
        _ => _int32![row].TryFormat(destination, out var written, default, System.Globalization.CultureInfo.InvariantCulture) ? written : 0,
    };

    /// <summary>The float64 values, one per row (built on first request for a sparse column).</summary>
    internal ReadOnlySpan<double> Float64Values => _rows is null ? _float64 : (double[])Dense();

    /// <summary>The float32 values, one per row (built on first request for a sparse column).</summary>
    internal ReadOnlySpan<float> Float32Values => _rows is null ? _float32 : (float[])Dense();

    private Array Dense()
    {
        if (_dense is { } built)
            return built;
        Array dense;
        if (Type == SmcColumnType.Float64)
        {
            var values = new double[Length];
            Array.Fill(values, double.NaN);
            for (var k = 0; k < _count; k++)
                values[_rows![k]] = _float64![k];
            dense = values;
        }
        else
        {
            var values = new float[Length];
            Array.Fill(values, float.NaN);
            for (var k = 0; k < _count; k++)
                values[_rows![k]] = _float32![k];
            dense = values;
        }
        // Two threads may both build it; either result is the same.
        return Interlocked.CompareExchange(ref _dense, dense, null) ?? dense;
    }

    /// <summary>
    /// Rows where at least one of <paramref name="columns"/> carries a value: not NaN for float
    /// columns, not 0 for int columns (the results' "signal" rows, for summaries).
    /// </summary>
    public static int CountPresent(params SmcColumn[] columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Length == 0)
            return 0;
        var rows = columns[0]._rows;
        if (rows is not null && columns.All(c => ReferenceEquals(c._rows, rows) && c._count == columns[0]._count))
            return CountPresentSparse(columns);
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

    // Columns sharing one row list: rows outside it are NaN in all of them.
    private static int CountPresentSparse(SmcColumn[] columns)
    {
        var count = 0;
        for (var k = 0; k < columns[0]._count; k++)
        {
            foreach (var column in columns)
            {
                var value = column.Type == SmcColumnType.Float64 ? column._float64![k] : column._float32![k];
                if (!double.IsNaN(value))
                {
                    count++;
                    break;
                }
            }
        }
        return count;
    }
}
