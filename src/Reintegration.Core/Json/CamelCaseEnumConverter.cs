using System.Text.Json;
using System.Text.Json.Serialization;

namespace Reintegration;

/// <summary>Enums as camelCase strings, as the API contract has them; numbers are refused.</summary>
public sealed class CamelCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.CamelCase, allowIntegerValues: false)
    where TEnum : struct, Enum;
