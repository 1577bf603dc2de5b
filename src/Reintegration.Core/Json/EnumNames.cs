using System.Collections.Frozen;
using System.Text.Json;

namespace Reintegration;

/// <summary>
/// The names an enum is written with (camelCase) and the one way to read them back: exactly one
/// defined name, in any case. Numbers, comma-separated lists and padding are refused, unlike
/// <see cref="Enum.TryParse{TEnum}(string?, bool, out TEnum)"/>, which reads "hired, rejected" as a flag combination.
/// </summary>
public static class EnumNames<TEnum>
    where TEnum : struct, Enum
{
    private static readonly FrozenDictionary<string, TEnum> ByName =
        Enum.GetValues<TEnum>().ToFrozenDictionary(Name, value => value, StringComparer.OrdinalIgnoreCase);

    /// <summary>Every name, in declaration order.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Enum.GetValues<TEnum>().Select(Name)];

    public static string Name(TEnum value) => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    public static bool TryParse(string? text, out TEnum value) => ByName.TryGetValue(text ?? "", out value);
}
