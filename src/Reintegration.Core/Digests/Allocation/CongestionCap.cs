namespace Reintegration.Digests.Allocation;

/// <summary>The congestion cap: no opening is recommended to more than ceil(multiplier × unfilled positions) people.</summary>
public static class CongestionCap
{
    /// <summary>The cap of an opening with this many unfilled positions.</summary>
    public static int Of(int unfilled, double multiplier) => unfilled <= 0 ? 0 : (int)Math.Ceiling(multiplier * unfilled);

    /// <summary>The cap of every opening, from its unfilled positions.</summary>
    public static IReadOnlyDictionary<string, int> For(IReadOnlyDictionary<string, int> unfilled, double multiplier)
    {
        var caps = new Dictionary<string, int>(unfilled.Count, StringComparer.Ordinal);
        foreach (var (id, positions) in unfilled)
        {
            caps.Add(id, Of(positions, multiplier));
        }

        return caps;
    }
}
