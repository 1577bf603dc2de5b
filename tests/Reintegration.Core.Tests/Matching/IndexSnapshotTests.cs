using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CsCheck;
using Reintegration.Domain;
using Reintegration.Matching;
using Reintegration.Matching.Index;

namespace Reintegration.Tests.Matching;

public sealed class IndexSnapshotTests
{
    private static readonly DateTimeOffset Covered = new(2026, 11, 30, 9, 15, 0, TimeSpan.Zero);

    [Fact]
    public void Snapshot_RoundTrip_GivesBackEveryOpeningAsItWas() =>
        Gens.Openings(0, 30).Sample(openings =>
        {
            var listings = openings.Select((o, i) => o with { Filled = i % 3, ChangedAt = Covered.AddMinutes(-i) }).ToArray();

            var applied = listings.Select(l => $"202611300915/{l.Id}").ToArray();

            var read = IndexSnapshot.Read(Bytes(new IndexSnapshot(Covered, listings) { Applied = applied }));

            Assert.Equal(Covered, read.CoveredUntil);
            Assert.Equal(applied, read.Applied);
            Assert.Equal(listings.Select(Json), read.Openings.Select(Json));
        });

    [Fact]
    public void Snapshot_RoundTrip_KeepsEveryPropertyOfAnOpening()
    {
        // Every property set to a value other than its default: a property the format forgot would come back at its default.
        var opening = Samples.Opening() with
        {
            Location = new Location { Country = "KZ", City = "Taraz", Lat = 42.9, Lon = 71.37 },
            Licences = ["driving:c"],
            MonthlyWage = new WageRange { Min = 100.5m, Max = 200.25m, Currency = "KZT" },
            StartDate = new DateOnly(2026, 12, 1),
            ExpiresOn = new DateOnly(2027, 1, 31),
            AcceptsRefugees = false,
            PermitSponsorship = true,
            HousingProvided = true,
            MinYears = 3,
        };
        var listing = new OpeningListing("KZ-1", opening, 2) { ChangedAt = Covered };
        var defaults = JsonSerializer.SerializeToElement(new Opening(), ReintegrationJsonContext.Default.Opening);
        var set = JsonSerializer.SerializeToElement(opening, ReintegrationJsonContext.Default.Opening);
        Assert.All(set.EnumerateObject(), p => Assert.NotEqual(defaults.GetProperty(p.Name).ToString(), p.Value.ToString()));

        var read = Assert.Single(IndexSnapshot.Read(Bytes(new IndexSnapshot(Covered, [listing]))).Openings);

        Assert.Equal(Json(listing), Json(read));
    }

    [Fact]
    public void Snapshot_RoundTrip_KeepsWhatAnOpeningLeavesUnset_AndTheCalendarsFirstDay()
    {
        var unset = Samples.Opening() with
        {
            Location = new Location { Country = "TJ", City = "Dushanbe" },
            Skills = [],
            Licences = [],
            Languages = [],
            MonthlyWage = null,
            StartDate = null,
            ExpiresOn = null,
            AcceptsRefugees = null,
        };
        OpeningListing[] listings =
        [
            new("TJ-1", unset) { ChangedAt = Covered },
            new("TJ-2", unset with { StartDate = DateOnly.MinValue, ExpiresOn = DateOnly.MinValue }) { ChangedAt = Covered },
        ];

        var read = IndexSnapshot.Read(Bytes(new IndexSnapshot(Covered, listings))).Openings;

        Assert.Equal(listings.Select(Json), read.Select(Json));
    }

    [Fact]
    public void Snapshot_SharesEachTextAmongTheOpeningsItLoads()
    {
        var listings = Enumerable.Range(0, 3)
            .Select(i => new OpeningListing($"TJ-{i}", Samples.Opening() with { ExternalRef = $"r{i}" }))
            .ToArray();

        var read = IndexSnapshot.Read(Bytes(new IndexSnapshot(Covered, listings))).Openings;

        Assert.Same(read[0].Opening.Employer, read[2].Opening.Employer);
        Assert.Same(read[0].Opening.Skills[0], read[1].Opening.Skills[0]);
    }

    [Fact]
    public void Snapshot_WithAnyByteChanged_IsRefusedByItsChecksum() =>
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            var bytes = Bytes(new IndexSnapshot(Covered, [Build.Opening("TJ-1", "TJ", "Dushanbe")]));
            var at = 6 + seed % (bytes.Length - 6);
            bytes[at] ^= (byte)(1 + seed % 255);

            var refused = Assert.Throws<UnreadableSnapshotException>(() => IndexSnapshot.Read(bytes));

            Assert.Contains("checksum", refused.Reason, StringComparison.Ordinal);
        }, iter: PropertyRuns.Iter(200));

    [Fact]
    public void Snapshot_OfAnotherVersion_IsRefused()
    {
        var bytes = Bytes(new IndexSnapshot(Covered, []));
        bytes[4] = 99;

        var refused = Assert.Throws<UnreadableSnapshotException>(() => IndexSnapshot.Read(bytes));

        Assert.Contains("version 99", refused.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Snapshot_CutShortOrNotASnapshot_IsRefused()
    {
        var bytes = Bytes(new IndexSnapshot(Covered, [Build.Opening("TJ-1", "TJ", "Dushanbe")]));

        Assert.Throws<UnreadableSnapshotException>(() => IndexSnapshot.Read(bytes[..^1]));
        Assert.Throws<UnreadableSnapshotException>(() => IndexSnapshot.Read("{\"not\":\"a snapshot\"}"u8.ToArray()));
        Assert.Throws<UnreadableSnapshotException>(() => IndexSnapshot.Read([]));
    }

    [Fact]
    public void Snapshot_LongerThanAHeaderButNotASnapshot_IsRefusedAsNone()
    {
        var refused = Assert.Throws<UnreadableSnapshotException>(() => IndexSnapshot.Read(new byte[100]));

        Assert.Equal("not an index snapshot", refused.Reason);
        Assert.Equal("The index snapshot cannot be read: not an index snapshot.", refused.Message);
    }

    [Fact]
    public void Snapshot_ShorterThanMagicVersionAndChecksum_IsNone_ButThatLong_IsReadOnceItsChecksumHolds()
    {
        var bytes = Bytes(new IndexSnapshot(Covered, []));
        byte[] headerAndChecksum = [.. bytes[..6], .. SHA256.HashData(bytes[..6])];

        var cut = Assert.Throws<UnreadableSnapshotException>(() => IndexSnapshot.Read(bytes[..(headerAndChecksum.Length - 1)]));
        var shortest = Assert.Throws<UnreadableSnapshotException>(() => IndexSnapshot.Read(headerAndChecksum));

        Assert.Equal("not an index snapshot", cut.Reason);
        Assert.Equal("its content does not parse (EndOfStreamException)", shortest.Reason);
    }

    /// <summary>
    /// Bytes whose checksum holds but which this build cannot read (another build of the same version might write them):
    /// refused, saying why. After the magic and version: the position covered (ticks), the count of openings, the count
    /// of texts, the one text "TJ-1", then <paramref name="rest"/>.
    /// </summary>
    [Theory]
    [InlineData(long.MaxValue, 1, 1, new byte[0], "its content does not parse (ArgumentOutOfRangeException)")]
    [InlineData(0L, 1, 1, new byte[0], "its content does not parse (EndOfStreamException)")]
    [InlineData(0L, 1, 1, new byte[] { 7 }, "its content does not parse (IndexOutOfRangeException)")]
    [InlineData(0L, 1, 1, new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01 }, "its content does not parse (FormatException)")]
    [InlineData(0L, -1, 1, new byte[0], "a count of -1 is out of range")]
    [InlineData(0L, 50_000_001, 1, new byte[0], "a count of 50000001 is out of range")]
    [InlineData(0L, 50_000_000, -1, new byte[0], "a count of -1 is out of range")]
    public void Snapshot_ChecksumRightButContentUnreadable_IsRefusedSayingWhy(
        long ticks, int openings, int texts, byte[] rest, string reason)
    {
        using var body = new MemoryStream();
        using (var writer = new BinaryWriter(body, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write("RIOS"u8);
            writer.Write(IndexSnapshot.Version);
            writer.Write(ticks);
            writer.Write(openings);
            writer.Write(texts);
            writer.Write("TJ-1");
            writer.Write(rest);
        }

        byte[] bytes = [.. body.ToArray(), .. SHA256.HashData(body.ToArray())];

        var refused = Assert.Throws<UnreadableSnapshotException>(() => IndexSnapshot.Read(bytes));

        Assert.Equal(reason, refused.Reason);
    }

    [Fact]
    public void Index_LoadedFromASnapshotOfAnother_MatchesAsTheOtherDoes() =>
        Gen.Select(Gens.Profile, Gens.Openings(1, 40)).Sample((profile, openings) =>
        {
            var original = new OpeningIndex(Build.Engine);
            original.Apply(openings);
            var loaded = new OpeningIndex(Build.Engine);

            loaded.Apply(IndexSnapshot.Read(Bytes(new IndexSnapshot(Covered, original.Listings()))).Openings);

            Build.AssertSame(original.Match(profile, Build.Query()), loaded.Match(profile, Build.Query()));
        });

    private static byte[] Bytes(IndexSnapshot snapshot)
    {
        using var stream = new MemoryStream();
        snapshot.WriteTo(stream);
        return stream.ToArray();
    }

    private static string Json(OpeningListing listing) =>
        $"{listing.Id}|{listing.Filled}|{listing.ChangedAt:O}|"
        + JsonSerializer.Serialize(listing.Opening, ReintegrationJsonContext.Default.Opening);
}
