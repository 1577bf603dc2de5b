using System.Security.Cryptography;
using System.Text;
using Reintegration.Domain;

namespace Reintegration.Matching.Index;

/// <summary>
/// The open openings of an index and the change-log position they cover, in a compact binary form: a
/// new instance loads it in a fraction of the time a table scan and a JSON parse per opening take.
/// Every text is written once, in a table, and each opening refers to it by number, so the openings
/// loaded share their texts (employers, titles, cities, skills, codes) instead of holding a copy each.
/// <para>
/// Layout: magic "RIOS", <see cref="Version"/> (int16), the position covered (UTC ticks), the number of
/// openings, the text table, the openings, the change-log rows already applied, then a SHA-256 of
/// everything before it. A reader checks the hash before it reads anything else, so a damaged snapshot
/// is refused whole, never half-loaded.
/// </para>
/// </summary>
public sealed record IndexSnapshot(DateTimeOffset CoveredUntil, IReadOnlyList<OpeningListing> Openings)
{
    /// <summary>
    /// The change-log rows just before <see cref="CoveredUntil"/> (within the clock-skew allowance a reader
    /// reads again) that the openings already reflect: a reader need not fetch their openings again, which
    /// after a large import would be most of them.
    /// </summary>
    public IReadOnlyList<string> Applied { get; init; } = [];

    /// <summary>The format's version: a reader refuses any other (a new format is written under a new version).</summary>
    public const short Version = 1;

    private const int HashLength = 32;

    // Far above any real index; a count beyond it means the file is not what it claims to be.
    private const int MaxCount = 50_000_000;

    private static ReadOnlySpan<byte> Magic => "RIOS"u8;

    /// <summary>Writes the snapshot to <paramref name="output"/>.</summary>
    public void WriteTo(Stream output)
    {
        var texts = new Dictionary<string, int>(StringComparer.Ordinal);
        var table = new List<string>();
        void Add(string text)
        {
            if (texts.TryAdd(text, table.Count))
            {
                table.Add(text);
            }
        }

        foreach (var listing in Openings)
        {
            foreach (var text in TextsOf(listing))
            {
                Add(text);
            }
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using (var hashing = new HashingStream(output, hash))
        using (var writer = new BinaryWriter(hashing, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(Version);
            writer.Write(CoveredUntil.UtcTicks);
            writer.Write(Openings.Count);
            writer.Write(table.Count);
            foreach (var text in table)
            {
                writer.Write(text);
            }

            foreach (var listing in Openings)
            {
                Write(writer, listing, text => texts[text]);
            }

            writer.Write(Applied.Count);
            foreach (var row in Applied)
            {
                writer.Write(row);
            }
        }

        output.Write(hash.GetHashAndReset());
    }

    /// <summary>Reads a snapshot written by <see cref="WriteTo"/>.</summary>
    /// <exception cref="UnreadableSnapshotException">
    /// The bytes fail their checksum, are of another version, or are not a snapshot.
    /// </exception>
    public static IndexSnapshot Read(byte[] bytes)
    {
        if (bytes.Length < Magic.Length + sizeof(short) + HashLength || !bytes.AsSpan().StartsWith(Magic))
        {
            throw new UnreadableSnapshotException("not an index snapshot");
        }

        var version = BitConverter.ToInt16(bytes, Magic.Length);
        if (version != Version)
        {
            throw new UnreadableSnapshotException($"format version {version}, this build reads {Version}");
        }

        var bodyLength = bytes.Length - HashLength;
        if (!SHA256.HashData(bytes.AsSpan(0, bodyLength)).AsSpan().SequenceEqual(bytes.AsSpan(bodyLength)))
        {
            throw new UnreadableSnapshotException("checksum mismatch: the snapshot is damaged");
        }

        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes, 0, bodyLength, writable: false), Encoding.UTF8);
            reader.ReadBytes(Magic.Length + sizeof(short));
            var coveredUntil = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero);
            var count = Count(reader.ReadInt32());
            var table = new string[Count(reader.ReadInt32())];
            for (var i = 0; i < table.Length; i++)
            {
                table[i] = reader.ReadString();
            }

            var openings = new OpeningListing[count];
            var languages = new Dictionary<(int, int), LanguageSkill>();
            for (var i = 0; i < count; i++)
            {
                openings[i] = ReadListing(reader, table, languages);
            }

            var applied = new string[Count(reader.ReadInt32())];
            for (var i = 0; i < applied.Length; i++)
            {
                applied[i] = reader.ReadString();
            }

            return new IndexSnapshot(coveredUntil, openings) { Applied = applied };
        }
        catch (Exception e) when (
            e is EndOfStreamException or IndexOutOfRangeException or FormatException or ArgumentException or OverflowException)
        {
            // Only a snapshot written by another build of the same version could get here.
            throw new UnreadableSnapshotException($"its content does not parse ({e.GetType().Name})");
        }
    }

    private static int Count(int count) =>
        count is >= 0 and <= MaxCount ? count : throw new UnreadableSnapshotException($"a count of {count} is out of range");

    private static IEnumerable<string> TextsOf(OpeningListing listing)
    {
        var o = listing.Opening;
        yield return listing.Id;
        yield return o.ExternalRef;
        yield return o.Employer;
        yield return o.Title;
        yield return o.Isco;
        yield return o.Location.Country;
        yield return o.Location.City;
        foreach (var skill in o.Skills)
        {
            yield return skill;
        }

        foreach (var licence in o.Licences)
        {
            yield return licence;
        }

        foreach (var language in o.Languages)
        {
            yield return language.Code;
            yield return language.Level;
        }

        if (o.MonthlyWage is { } wage)
        {
            yield return wage.Currency;
        }
    }

    private static void Write(BinaryWriter writer, OpeningListing listing, Func<string, int> text)
    {
        var o = listing.Opening;
        writer.Write7BitEncodedInt(text(listing.Id));
        writer.Write(listing.Filled);
        writer.Write(listing.ChangedAt.UtcTicks);
        writer.Write7BitEncodedInt(text(o.ExternalRef));
        writer.Write7BitEncodedInt(text(o.Employer));
        writer.Write7BitEncodedInt(text(o.Title));
        writer.Write7BitEncodedInt(text(o.Isco));
        writer.Write7BitEncodedInt(text(o.Location.Country));
        writer.Write7BitEncodedInt(text(o.Location.City));
        WriteOptional(writer, o.Location.Lat);
        WriteOptional(writer, o.Location.Lon);
        writer.Write(o.Positions);
        WriteTexts(writer, o.Skills, text);
        WriteTexts(writer, o.Licences, text);
        writer.Write7BitEncodedInt(o.Languages.Count);
        foreach (var language in o.Languages)
        {
            writer.Write7BitEncodedInt(text(language.Code));
            writer.Write7BitEncodedInt(text(language.Level));
        }

        writer.Write(o.MinYears);
        writer.Write(o.MonthlyWage is not null);
        if (o.MonthlyWage is { } wage)
        {
            writer.Write(wage.Min);
            writer.Write(wage.Max);
            writer.Write7BitEncodedInt(text(wage.Currency));
        }

        writer.Write(o.StartDate?.DayNumber ?? -1);
        writer.Write(o.ExpiresOn?.DayNumber ?? -1);
        writer.Write((byte)(o.AcceptsRefugees switch { null => 0, false => 1, true => 2 }));
        writer.Write(o.PermitSponsorship);
        writer.Write(o.HousingProvided);
    }

    /// <summary>One opening; <paramref name="languages"/> shares each language and level among the openings that ask it (immutable).</summary>
    private static OpeningListing ReadListing(BinaryReader reader, string[] table, Dictionary<(int, int), LanguageSkill> languages)
    {
        string Text() => table[reader.Read7BitEncodedInt()];
        var id = Text();
        var filled = reader.ReadInt32();
        var changedAt = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero);
        var externalRef = Text();
        var employer = Text();
        var title = Text();
        var isco = Text();
        var location = new Location { Country = Text(), City = Text(), Lat = ReadOptional(reader), Lon = ReadOptional(reader) };
        var positions = reader.ReadInt32();
        var skills = ReadTexts(reader, table);
        var licences = ReadTexts(reader, table);
        var asked = Count(reader.Read7BitEncodedInt()) is var n and > 0 ? new LanguageSkill[n] : [];
        for (var i = 0; i < asked.Length; i++)
        {
            var (code, level) = (reader.Read7BitEncodedInt(), reader.Read7BitEncodedInt());
            if (!languages.TryGetValue((code, level), out var language))
            {
                languages[(code, level)] = language = new LanguageSkill { Code = table[code], Level = table[level] };
            }

            asked[i] = language;
        }

        var minYears = reader.ReadInt32();
        var wage = reader.ReadBoolean()
            ? new WageRange { Min = reader.ReadDecimal(), Max = reader.ReadDecimal(), Currency = Text() }
            : null;
        var opening = new Opening
        {
            ExternalRef = externalRef,
            Employer = employer,
            Title = title,
            Isco = isco,
            Location = location,
            Positions = positions,
            Skills = skills,
            Licences = licences,
            Languages = asked,
            MinYears = minYears,
            MonthlyWage = wage,
            StartDate = Day(reader.ReadInt32()),
            ExpiresOn = Day(reader.ReadInt32()),
            AcceptsRefugees = reader.ReadByte() switch { 0 => null, 1 => false, _ => true },
            PermitSponsorship = reader.ReadBoolean(),
            HousingProvided = reader.ReadBoolean(),
        };
        return new OpeningListing(id, opening, filled) { ChangedAt = changedAt };
    }

    private static DateOnly? Day(int dayNumber) => dayNumber < 0 ? null : DateOnly.FromDayNumber(dayNumber);

    private static void WriteOptional(BinaryWriter writer, double? value)
    {
        writer.Write(value.HasValue);
        if (value is { } v)
        {
            writer.Write(v);
        }
    }

    private static double? ReadOptional(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadDouble() : null;

    private static void WriteTexts(BinaryWriter writer, IReadOnlyList<string> texts, Func<string, int> text)
    {
        writer.Write7BitEncodedInt(texts.Count);
        foreach (var t in texts)
        {
            writer.Write7BitEncodedInt(text(t));
        }
    }

    private static string[] ReadTexts(BinaryReader reader, string[] table)
    {
        var texts = Count(reader.Read7BitEncodedInt()) is var n and > 0 ? new string[n] : [];
        for (var i = 0; i < texts.Length; i++)
        {
            texts[i] = table[reader.Read7BitEncodedInt()];
        }

        return texts;
    }

    /// <summary>Passes writes through to a stream, hashing them on the way.</summary>
    private sealed class HashingStream(Stream inner, IncrementalHash hash) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            hash.AppendData(buffer);
            inner.Write(buffer);
        }

        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}

/// <summary>A snapshot that cannot be used: damaged, of another format version, or not a snapshot at all.</summary>
public sealed class UnreadableSnapshotException(string reason) : Exception($"The index snapshot cannot be read: {reason}.")
{
    public string Reason { get; } = reason;
}
