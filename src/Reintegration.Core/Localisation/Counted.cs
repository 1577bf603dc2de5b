using System.Globalization;

namespace Reintegration.Localisation;

/// <summary>A count and the word for that many ("3 years", "1 год"), written straight into the sentence.</summary>
public readonly struct Counted(int count, string word) : ISpanFormattable
{
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        destination.TryWrite(CultureInfo.InvariantCulture, $"{count} {word}", out charsWritten);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{count} {word}");

    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();
}
