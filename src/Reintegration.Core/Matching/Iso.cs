using System.Globalization;

namespace Reintegration.Matching;

/// <summary>An ISCO-08 unit group as numbers for its place in the hierarchy: 7212 → minor 721 → sub-major 72 → major 7.</summary>
internal readonly record struct IscoUnit(int Unit)
{
    public int Minor => Unit / 10;
    public int SubMajor => Unit / 100;

    public static IscoUnit Parse(string code) => new(int.Parse(code, NumberStyles.None, CultureInfo.InvariantCulture));
}
