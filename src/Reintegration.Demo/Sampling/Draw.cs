using Bogus;
using Reintegration.Demo.Settings;

namespace Reintegration.Demo.Sampling;

/// <summary>The draws the generators share, all from an explicitly seeded <see cref="Randomizer"/>.</summary>
internal static class Draw
{
    /// <summary>True with probability <paramref name="share"/>: never for 0, always for 1.</summary>
    public static bool Chance(this Randomizer random, double share) => random.Double() < share;

    public static int In(this Randomizer random, IntRange range) => random.Number(range.Min, range.Max);

    /// <summary>An amount within the range, rounded to its step and kept within it.</summary>
    public static decimal Amount(this Randomizer random, AmountRange range)
    {
        var raw = (double)range.Min + random.Double() * (double)(range.Max - range.Min);
        var rounded = Math.Round((decimal)raw / range.Step, MidpointRounding.AwayFromZero) * range.Step;
        return Math.Clamp(rounded, range.Min, range.Max);
    }

    /// <summary>Up to <paramref name="count"/> distinct items of <paramref name="items"/>, in a random order.</summary>
    public static List<T> Distinct<T>(this Randomizer random, IReadOnlyList<T> items, int count)
    {
        var pool = items.ToArray();
        var take = Math.Min(count, pool.Length);
        for (var i = 0; i < take; i++)
        {
            var j = random.Number(i, pool.Length - 1);
            (pool[i], pool[j]) = (pool[j], pool[i]);
        }

        return pool.Take(take).ToList();
    }

    /// <summary>Up to <paramref name="count"/> distinct weighted draws, none of them in <paramref name="excluded"/>.</summary>
    public static List<string> Distinct(this Randomizer random, Weighted<string> weighted, int count, IReadOnlyCollection<string> excluded)
    {
        var chosen = new List<string>(count);
        for (var attempt = 0; attempt < count * 20 && chosen.Count < count; attempt++)
        {
            var item = weighted.Next(random);
            if (!excluded.Contains(item) && !chosen.Contains(item))
            {
                chosen.Add(item);
            }
        }

        return chosen;
    }
}
