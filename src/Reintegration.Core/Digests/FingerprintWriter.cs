using System.Runtime.InteropServices;

namespace Reintegration.Digests;

/// <summary>
/// The bytes a <see cref="ProfileFingerprint"/> hashes. Every value goes in at a fixed width or after its length, and
/// whatever may be missing after a flag saying whether it is there, so that two different profiles never write the same
/// bytes: ("ab", "c") and ("a", "bc") differ in their lengths, a missing date from the calendar's first day in its flag.
/// Fingerprints never leave the process, so numbers and characters go in the machine's own byte order.
/// </summary>
internal ref struct FingerprintWriter(Span<byte> buffer)
{
    private Span<byte> _buffer = buffer;
    private int _length;

    public readonly ReadOnlySpan<byte> Written => _buffer[.._length];

    public void Flag(bool value) => Take(1)[0] = value ? (byte)1 : (byte)0;

    public void Whole(int value) => MemoryMarshal.Write(Take(sizeof(int)), in value);

    public void Whole(int? value)
    {
        Flag(value.HasValue);
        if (value is { } whole)
        {
            Whole(whole);
        }
    }

    public void Day(DateOnly? day) => Whole(day?.DayNumber);

    /// <summary>−0 goes in as 0 (adding 0 turns one into the other): equal coordinates, equal bytes.</summary>
    public void Number(double? value)
    {
        Flag(value.HasValue);
        if (value is { } number)
        {
            var normal = number + 0.0;
            MemoryMarshal.Write(Take(sizeof(double)), in normal);
        }
    }

    /// <summary>An amount by its sign and its digits at their least scale: 4000 and 4000.00 are one wage, −0 and 0 one amount.</summary>
    public void Amount(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var digits = new UInt128((uint)bits[2], (ulong)(uint)bits[1] << 32 | (uint)bits[0]);
        var scale = value.Scale;
        while (scale > 0 && digits % 10 == 0)
        {
            digits /= 10;
            scale--;
        }

        Whole(Math.Sign(value));
        Take(1)[0] = scale;
        MemoryMarshal.Write(Take(16), in digits);
    }

    /// <summary>A text after its length; a null item (which only the validator stops) after a length no text has.</summary>
    public void Text(string? text)
    {
        if (text is null)
        {
            Whole(-1);
            return;
        }

        Whole(text.Length);
        MemoryMarshal.AsBytes(text.AsSpan()).CopyTo(Take(text.Length * sizeof(char)));
    }

    public void Texts(IReadOnlyList<string> texts)
    {
        Whole(texts.Count);
        for (var i = 0; i < texts.Count; i++)
        {
            Text(texts[i]);
        }
    }

    /// <summary>A record after a flag saying whether it is there, then each of its parts in order.</summary>
    public void Record<T>(T? record, Part<T>[] parts)
        where T : class
    {
        Flag(record is not null);
        if (record is null)
        {
            return;
        }

        foreach (var part in parts)
        {
            part.Write(ref this, record);
        }
    }

    public void Records<T>(IReadOnlyList<T> records, Part<T>[] parts)
        where T : class
    {
        Whole(records.Count);
        for (var i = 0; i < records.Count; i++)
        {
            Record(records[i], parts);
        }
    }

    private Span<byte> Take(int count)
    {
        if (_length + count > _buffer.Length)
        {
            // Only a profile of long lists outgrows the first buffer (on the stack): a rare array.
            var larger = new byte[2 * (_length + count)];
            _buffer[.._length].CopyTo(larger);
            _buffer = larger;
        }

        var taken = _buffer.Slice(_length, count);
        _length += count;
        return taken;
    }
}

/// <summary>Writes one property of a record.</summary>
internal delegate void WritePart<in T>(ref FingerprintWriter writer, T record);

/// <summary>One property of a record as a fingerprint writes it, under its name (what the fingerprint covers, for the tests).</summary>
internal readonly record struct Part<T>(string Name, WritePart<T> Write);
