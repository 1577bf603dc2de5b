namespace Reintegration.Localisation;

/// <summary>
/// Names in a run of an array, written "a, b, c" between <see cref="Before"/> and <see cref="After"/> straight into the
/// sentence, or not at all when there are none: "Skills: 1 of 2 asked (welding)" but "Skills: 0 of 2 asked".
/// </summary>
public readonly struct Listing(string[] items, int start, int count) : ISpanFormattable
{
    private const string Separator = ", ";

    public int Count => count;

    public string Before { get; init; } = "";

    public string After { get; init; } = "";

    /// <summary>The same names, written between <paramref name="before"/> and <paramref name="after"/>.</summary>
    public Listing Between(string before, string after) => this with { Before = before, After = after };

    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        charsWritten = 0;
        if (count == 0)
        {
            return true;
        }

        var written = 0;
        var fits = Put(destination, ref written, Before);
        for (var i = 0; fits && i < count; i++)
        {
            fits = (i == 0 || Put(destination, ref written, Separator)) && Put(destination, ref written, items[start + i]);
        }

        fits = fits && Put(destination, ref written, After);
        charsWritten = fits ? written : 0;
        return fits;
    }

    public override string ToString() => $"{this}";

    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    private static bool Put(Span<char> destination, ref int written, string text)
    {
        if (!text.TryCopyTo(destination[written..]))
        {
            return false;
        }

        written += text.Length;
        return true;
    }
}
