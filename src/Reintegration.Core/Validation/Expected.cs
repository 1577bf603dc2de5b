namespace Reintegration.Validation;

/// <summary>
/// What a field must look like, in the words every reader of input uses (JSON bodies and CSV cells
/// alike), so the same mistake gets the same message whichever way it was sent.
/// </summary>
public static class Expected
{
    public const string Date = "Expected a date written yyyy-MM-dd, such as 2030-03-01.";
    public const string Instant = "Expected a date and time written yyyy-MM-ddTHH:mm:ssZ, such as 2026-11-29T10:00:00Z.";
    public const string WholeNumber = "Expected a whole number, such as 6.";
    public const string Number = "Expected a number, such as 4000 or 40.28.";
    public const string Boolean = "Expected true or false.";
    public const string Text = "Expected text, in quotes.";
    public const string Object = "Expected an object, in braces.";
    public const string Array = "Expected an array, in brackets.";
    public const string NotNull = "Must not be null.";

    public static string OneOf(IEnumerable<string> names) => $"Expected one of: {string.Join(", ", names)}.";

    public static string OneOf<TEnum>()
        where TEnum : struct, Enum => OneOf(EnumNames<TEnum>.All);

    public static string UnknownProperty(string name) =>
        $"Unknown property '{(name.Length <= 50 ? name : name[..50] + "…")}': it is not part of the contract.";

    /// <summary>The words for a value of <paramref name="type"/> that could not be read, or null for a type with no fixed shape.</summary>
    public static string? For(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type == typeof(DateOnly) ? Date
            : type == typeof(DateTimeOffset) || type == typeof(DateTime) ? Instant
            : type == typeof(int) || type == typeof(long) || type == typeof(short) ? WholeNumber
            : type == typeof(decimal) || type == typeof(double) || type == typeof(float) ? Number
            : type == typeof(bool) ? Boolean
            : type == typeof(string) ? Text
            : type.IsEnum ? OneOf(Names(type))
            : null;
    }

    private static IEnumerable<string> Names(Type enumType) =>
        Enum.GetNames(enumType).Select(System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName);
}
