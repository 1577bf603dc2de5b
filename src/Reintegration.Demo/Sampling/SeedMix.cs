using System.Text;

namespace Reintegration.Demo.Sampling;

/// <summary>
/// Derives the seed of one stream of data (a centre's profiles, the openings) from the generator's seed
/// and a stable key, so that each stream is the same whichever is drawn first. string.GetHashCode is
/// randomised per process and would not do.
/// </summary>
internal static class SeedMix
{
    public static int Derive(int seed, string key)
    {
        // FNV-1a over the key's UTF-8 bytes, then the SplitMix64 finaliser over key and seed together.
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(key))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        var z = hash ^ ((ulong)(uint)seed * 0x9E3779B97F4A7C15UL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (int)(uint)(z ^ (z >> 32));
    }
}
