using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Reintegration.Benchmarks.Harness;

/// <summary>
/// The one JSON object a mode prints as the last line of standard output, for scripts to read:
/// fields in the order they are added, numbers invariant and rounded as asked, nothing after it.
/// </summary>
internal sealed class ResultLine
{
    /// <summary>Beyond this a double is written as it is (decimal holds ~7.9e28, with room left for the places).</summary>
    private const double LargestAsDecimal = 1e15;

    private readonly List<Action<Utf8JsonWriter>> _fields = [];

    public ResultLine Add(string name, long value)
    {
        _fields.Add(w => w.WriteNumber(name, value));
        return this;
    }

    public ResultLine Add(string name, bool value)
    {
        _fields.Add(w => w.WriteBoolean(name, value));
        return this;
    }

    public ResultLine Add(string name, string value)
    {
        _fields.Add(w => w.WriteString(name, value));
        return this;
    }

    /// <summary>A measurement rounded to <paramref name="decimals"/> places (written as a decimal, so never in exponent form); null when not finite.</summary>
    public ResultLine Add(string name, double value, int decimals)
    {
        _fields.Add(w =>
        {
            if (double.IsFinite(value) && Math.Abs(value) < LargestAsDecimal)
            {
                w.WriteNumber(name, Math.Round((decimal)value, decimals, MidpointRounding.AwayFromZero));
            }
            else if (double.IsFinite(value))
            {
                w.WriteNumber(name, value);
            }
            else
            {
                w.WriteNull(name);
            }
        });
        return this;
    }

    /// <summary>An object of its own fields, such as the figures of one of several runs compared.</summary>
    public ResultLine Add(string name, ResultLine nested)
    {
        _fields.Add(w =>
        {
            w.WriteStartObject(name);
            nested.WriteFields(w);
            w.WriteEndObject();
        });
        return this;
    }

    public string ToJson()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            WriteFields(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private void WriteFields(Utf8JsonWriter writer)
    {
        foreach (var field in _fields)
        {
            field(writer);
        }
    }

    /// <summary>Writes the object as one line to standard output and flushes it: call it last.</summary>
    public void Print()
    {
        Console.Out.WriteLine(ToJson());
        Console.Out.Flush();
    }
}
