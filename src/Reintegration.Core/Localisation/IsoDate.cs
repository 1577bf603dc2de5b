using System.Globalization;

namespace Reintegration.Localisation;

/// <summary>A date written yyyy-MM-dd, as the API writes it, whatever the culture: straight into the sentence.</summary>
public readonly struct IsoDate(DateOnly date) : ISpanFormattable
{
    private const string Format = "yyyy-MM-dd";

    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        date.TryFormat(destination, out charsWritten, Format, CultureInfo.InvariantCulture);

    public override string ToString() => date.ToString(Format, CultureInfo.InvariantCulture);

    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();
}
