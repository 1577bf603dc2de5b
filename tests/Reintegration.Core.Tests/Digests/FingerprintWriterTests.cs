using Reintegration.Digests;

namespace Reintegration.Tests.Digests;

/// <summary>
/// The bytes under a profile fingerprint: two different runs of writes never give the same bytes, because every value
/// that may be missing carries a flag and every text and list its length. Each pair below would run together without one.
/// </summary>
public sealed class FingerprintWriterTests
{
    private static readonly Part<Box>[] BoxParts = [new(nameof(Box.On), static (ref w, b) => w.Flag(b.On))];

    private delegate void Writes(ref FingerprintWriter writer);

    [Fact]
    public void MissingWhole_ThenZero_IsNotZero_ThenNothing() =>
        AssertDiffer(static (ref w) => { w.Whole((int?)null); w.Whole(0); }, static (ref w) => w.Whole((int?)0));

    [Fact]
    public void MissingNumber_ThenZeros_IsNotZero() =>
        AssertDiffer(static (ref w) => { w.Number(null); w.Whole(0); w.Whole(0); }, static (ref w) => w.Number(0.0));

    [Fact]
    public void NullText_IsNotAnyText() =>
        AssertDiffer(static (ref w) => { w.Text(null); w.Flag(false); w.Flag(false); }, static (ref w) => w.Text("\0"));

    [Fact]
    public void NullText_ThenEmpty_IsNotEmpty_ThenNull() =>
        AssertDiffer(static (ref w) => { w.Text(null); w.Text(""); }, static (ref w) => { w.Text(""); w.Text(null); });

    [Fact]
    public void MissingRecord_ThenAFlag_IsNotARecordOfThatFlag() =>
        AssertDiffer(
            static (ref w) => { w.Record<Box>(null, BoxParts); w.Flag(true); },
            static (ref w) => w.Record(new Box(true), BoxParts));

    [Fact]
    public void Records_MovedFromOneListToTheNext_AreOtherBytes() =>
        AssertDiffer(
            static (ref w) => { w.Records([new Box(true)], BoxParts); w.Records<Box>([], BoxParts); },
            static (ref w) => { w.Records<Box>([], BoxParts); w.Records([new Box(true)], BoxParts); });

    [Fact]
    public void Writes_OutgrowingTheFirstBuffer_KeepEveryByteInOrder()
    {
        static void Many(ref FingerprintWriter w)
        {
            for (var i = 0; i < 300; i++)
            {
                w.Text(new string((char)('a' + i % 26), i % 7));
                w.Whole(i);
                w.Day(DateOnly.FromDayNumber(i));
            }
        }

        var grown = Bytes(Many, 8);

        Assert.Equal(Bytes(Many, 1 << 16), grown);
        Assert.Equal(300 * (4 + 4 + 1 + 4) + 2 * Enumerable.Range(0, 300).Sum(i => i % 7), grown.Length);
    }

    private static byte[] Bytes(Writes writes, int buffer = 64)
    {
        var writer = new FingerprintWriter(new byte[buffer]);
        writes(ref writer);
        return writer.Written.ToArray();
    }

    private static void AssertDiffer(Writes one, Writes other) => Assert.NotEqual(Bytes(one), Bytes(other));

    private sealed record Box(bool On);
}
