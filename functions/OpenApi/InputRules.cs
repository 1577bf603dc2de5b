using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Reintegration.Validation;

namespace Reintegration.Functions.OpenApi;

/// <summary>
/// How a request body of type <see cref="Type"/> is validated, so that its schema can say what is required
/// without saying it a second time (see <see cref="RequiredProperties"/>); and the properties that may be
/// left out but never sent as null.
/// </summary>
public sealed record InputRules(Type Type, Func<object, ValidationErrors> Validate, IReadOnlyList<string> NonNull)
{
    public static InputRules Of<T>(Func<T, ValidationErrors> validate, params IReadOnlyList<string> nonNull) =>
        new(typeof(T), body => validate((T)body), nonNull);
}

/// <summary>
/// The required properties of request bodies, read off their validators: each is run on the emptiest bodies
/// there are. A property is required when leaving it out of <c>{}</c> draws an error at or under it
/// (<c>home</c> for <c>home.city</c>), or when leaving it out of an object that is there but empty draws an
/// error at it (<c>currency</c> for <c>minMonthlyWage: {}</c>; a list of objects is given one empty item).
/// </summary>
public static class RequiredProperties
{
    /// <summary>For every object type a request body reaches: the JSON names of its required properties.</summary>
    public static Dictionary<Type, HashSet<string>> Find(IEnumerable<InputRules> rules, Func<Type, JsonTypeInfo?> contract)
    {
        var required = new Dictionary<Type, HashSet<string>>();
        foreach (var rule in rules)
        {
            var root = contract(rule.Type) ?? throw new NotSupportedException($"{rule.Type.FullName} has no JSON contract.");
            Reach(root, contract, required);
            foreach (var path in Errors(rule, root, []))
            {
                Mark(root, path, contract, required, everySegment: true);
            }

            foreach (var path in Errors(rule, root, Skeleton(root, contract, depth: 0)))
            {
                Mark(root, path, contract, required, everySegment: false);
            }
        }

        return required;
    }

    private static IEnumerable<string> Errors(InputRules rule, JsonTypeInfo root, JsonObject body) =>
        rule.Validate(JsonSerializer.Deserialize(body, root)!).ToDictionary().Keys.Where(path => path != "$");

    /// <summary>Marks the property each segment of <paramref name="path"/> ("bans[0].country") names, or only the last one.</summary>
    private static void Mark(
        JsonTypeInfo root, string path, Func<Type, JsonTypeInfo?> contract, Dictionary<Type, HashSet<string>> required, bool everySegment)
    {
        var segments = path.Split('.');
        var type = root;
        for (var i = 0; i < segments.Length; i++)
        {
            var name = segments[i].Split('[')[0];
            var property = type.Properties.FirstOrDefault(p => p.Name == name) ?? throw new InvalidOperationException(
                $"The validator of {root.Type.Name} reports '{path}', which is not in its JSON contract.");
            if (everySegment || i == segments.Length - 1)
            {
                required[type.Type].Add(name);
            }

            if (i < segments.Length - 1)
            {
                type = ObjectContract(property.PropertyType, contract) ?? throw new InvalidOperationException(
                    $"The validator of {root.Type.Name} reports '{path}', but {name} holds no object.");
            }
        }
    }

    /// <summary>
    /// Every object type under <paramref name="type"/> gets an entry, so that its schema follows the rules even where they require nothing.
    /// </summary>
    private static void Reach(JsonTypeInfo type, Func<Type, JsonTypeInfo?> contract, Dictionary<Type, HashSet<string>> required)
    {
        if (!required.TryAdd(type.Type, new HashSet<string>(StringComparer.Ordinal)))
        {
            return;
        }

        foreach (var property in type.Properties)
        {
            if (ObjectContract(property.PropertyType, contract) is { } inner)
            {
                Reach(inner, contract, required);
            }
        }
    }

    /// <summary>Every object property present and empty, every list of objects with one empty item.</summary>
    private static JsonObject Skeleton(JsonTypeInfo type, Func<Type, JsonTypeInfo?> contract, int depth)
    {
        var skeleton = new JsonObject();
        foreach (var property in depth < 8 ? type.Properties : [])
        {
            var kind = contract(Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType)?.Kind;
            if (ObjectContract(property.PropertyType, contract) is { } inner)
            {
                var item = Skeleton(inner, contract, depth + 1);
                skeleton[property.Name] = kind == JsonTypeInfoKind.Enumerable ? new JsonArray(item) : item;
            }
        }

        return skeleton;
    }

    /// <summary>The contract of the object a property holds, itself or as the items of a list; null for any other value.</summary>
    private static JsonTypeInfo? ObjectContract(Type propertyType, Func<Type, JsonTypeInfo?> contract)
    {
        var info = contract(Nullable.GetUnderlyingType(propertyType) ?? propertyType);
        var element = info?.Kind == JsonTypeInfoKind.Enumerable ? contract(info.ElementType!) : info;
        return element is { Kind: JsonTypeInfoKind.Object } ? element : null;
    }
}
