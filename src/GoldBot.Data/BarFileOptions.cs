namespace GoldBot.MarketData;

/// <summary>
/// How to read the stamps and volumes of a bars file whose format needs more than the defaults
/// (see ../shared/data/README.md for the files that need each option).
/// </summary>
public sealed record BarFileOptions
{
    /// <summary>
    /// The clock of stamps written without a UTC offset. Null (the default) reads them as UTC, except
    /// in a file marked as broker server time (a <c>time_server</c> column or <c>servertime</c> in the
    /// file name), which is refused until a clock is given. Stamps with an offset (<c>Z</c>,
    /// <c>+00:00</c>) always use their own offset.
    /// </summary>
    public BarTimeZone? SourceTimeZone { get; init; }

    /// <summary>
    /// When true, a fractional volume (Dukascopy's tick volume, e.g. <c>0.000001404</c>) is rounded to
    /// the nearest whole number, halves away from zero, instead of making the row bad.
    /// </summary>
    public bool RoundFractionalVolume { get; init; }

    /// <summary>
    /// When true, rows whose volume is exactly zero in the file (before rounding) are dropped and
    /// counted in <see cref="BarFile.ZeroVolumeDropped"/>: Dukascopy fills closed hours with flat
    /// zero-volume bars that are not trading (README §4: "Drop rows with volume == 0").
    /// </summary>
    public bool DropZeroVolume { get; init; }

    /// <summary>The defaults: offset-less stamps are UTC, volumes must be whole, nothing is dropped.</summary>
    public static BarFileOptions Default { get; } = new();
}
