using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.OpenApi;
using static System.Text.Json.Serialization.JsonUnmappedMemberHandling;

namespace Reintegration.Functions.OpenApi;

/// <summary>
/// JSON Schemas read from System.Text.Json's contracts (the source-generated <see cref="JsonTypeInfo"/>):
/// property names, types, nullability and whether unknown properties are refused come from there, so a
/// schema says what the serializer does. Objects and enums become components, referenced with $ref.
/// What a request body requires comes from its validator (<see cref="RequiredProperties"/>); what an answer
/// always holds, from its constructor.
/// </summary>
public sealed class JsonSchemas(OpenApiDocument document, IReadOnlyList<JsonSerializerContext> contracts, IReadOnlyList<InputRules> inputs)
{
    private readonly Dictionary<string, Type?> _namedTypes = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, HashSet<string>> _required = RequiredProperties.Find(inputs, type => ContractIn(contracts, type));
    private readonly Dictionary<Type, IReadOnlyList<string>> _nonNull = inputs.ToDictionary(i => i.Type, i => i.NonNull);

    private IDictionary<string, IOpenApiSchema> Components => document.Components!.Schemas!;

    public IOpenApiSchema For(ApiSchema schema) => schema switch
    {
        TypeSchema s => For(s.Type),
        // The array as a component of its own: a generator names its type (ProfileList) instead of making an empty class of it.
        OneOrManySchema s => new OpenApiSchema
        {
            OneOf =
            [
                For(s.Type),
                Component(s.Type.Name + "List", typeof(IReadOnlyList<>).MakeGenericType(s.Type), () => new OpenApiSchema
                {
                    Type = JsonSchemaType.Array,
                    Items = For(s.Type),
                    MinItems = 1,
                    MaxItems = s.MaxItems,
                }),
            ],
        },
        // A stored document is written whole: every property, null where it has no value.
        ResourceSchema s => Component(s.Name, null, () => ObjectOf(s.Parts.Select(Contract).ToList(), null, allRequired: true)),
        PageSchema s => Component(s.Name, null, () => ObjectOf([Contract(s.PageType)], new Dictionary<Type, IOpenApiSchema> { [typeof(JsonObject)] = For(s.Items) })),
        ValuesSchema s => Values(s.Values),
        InlineSchema s => s.Schema,
        TextSchema => new OpenApiSchema { Type = JsonSchemaType.String },
        AnyObjectSchema => new OpenApiSchema { Type = JsonSchemaType.Object },
        _ => throw new NotSupportedException($"No schema for {schema.GetType().Name}."),
    };

    public IOpenApiSchema For(Type type, bool nullable = false, IReadOnlyDictionary<Type, IOpenApiSchema>? substitutes = null)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return For(underlying, nullable: true, substitutes);
        }

        var substitute = substitutes?.GetValueOrDefault(type);
        return OrNull(substitute ?? NonNull(type, substitutes), nullable, shared: substitute is not null);
    }

    /// <summary>The schema, or null too: in its own type when it is an inline schema of its own, else as anyOf.</summary>
    private static IOpenApiSchema OrNull(IOpenApiSchema schema, bool nullable, bool shared) =>
        !nullable ? schema
        : !shared && schema is OpenApiSchema { Type: { } kind } inline ? WithType(inline, kind | JsonSchemaType.Null)
        : new OpenApiSchema { AnyOf = [schema, new OpenApiSchema { Type = JsonSchemaType.Null }] };

    private IOpenApiSchema NonNull(Type type, IReadOnlyDictionary<Type, IOpenApiSchema>? substitutes)
    {
        if (Primitive(type) is { } primitive)
        {
            return primitive;
        }

        var contract = Contract(type);
        if (type.IsEnum)
        {
            return Component(type.Name, type, () => new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Enum = [.. Enum.GetValues(type).Cast<object>().Select(value => JsonSerializer.SerializeToNode(value, contract)!)],
            });
        }

        return contract.Kind switch
        {
            JsonTypeInfoKind.Enumerable => new OpenApiSchema { Type = JsonSchemaType.Array, Items = For(contract.ElementType!, substitutes: substitutes) },
            JsonTypeInfoKind.Dictionary => new OpenApiSchema { Type = JsonSchemaType.Object, AdditionalProperties = For(contract.ElementType!, substitutes: substitutes) },
            JsonTypeInfoKind.Object => Component(type.Name, type, () => ObjectOf([contract], null)),
            _ => throw new NotSupportedException($"{type.FullName} has a custom JSON converter; describe it in {nameof(JsonSchemas)}."),
        };
    }

    /// <summary>
    /// One object with the properties of each contract in turn. A property is required when the type's validator
    /// requires it (and then it takes no null either); for a type no validator reads, when the serializer requires
    /// it or it is a constructor parameter without a default (what a positional record always writes).
    /// </summary>
    private OpenApiSchema ObjectOf(
        IReadOnlyList<JsonTypeInfo> parts, IReadOnlyDictionary<Type, IOpenApiSchema>? substitutes, bool allRequired = false)
    {
        var schema = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal),
            Required = new HashSet<string>(StringComparer.Ordinal),
            AdditionalPropertiesAllowed = parts.All(c => (c.UnmappedMemberHandling ?? c.Options.UnmappedMemberHandling) != Disallow),
        };
        // A property the serializer never reads or writes ([JsonIgnore]) has neither accessor.
        var properties = parts.SelectMany(c => c.Properties.Where(p => p.Get is not null || p.Set is not null).Select(p => (c, p)));
        foreach (var (contract, property) in properties)
        {
            var byRules = _required.GetValueOrDefault(contract.Type);
            var required = allRequired || (byRules?.Contains(property.Name)
                ?? (property.IsRequired || property.AssociatedParameter is { HasDefaultValue: false, IsMemberInitializer: false }));
            var nonNull = byRules?.Contains(property.Name) == true
                || _nonNull.GetValueOrDefault(contract.Type)?.Contains(property.Name) == true;
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var nullable = !nonNull
                && (type != property.PropertyType || !type.IsValueType && (property.IsGetNullable || property.IsSetNullable));
            var closed = property.AttributeProvider?.GetCustomAttributes(typeof(StringValuesAttribute), inherit: true);
            schema.Properties.Add(
                property.Name,
                closed is [StringValuesAttribute values]
                    ? OrNull(Values(values), nullable, shared: true)
                    : For(type, nullable, substitutes));
            if (required)
            {
                schema.Required.Add(property.Name);
            }
        }

        return schema;
    }

    private OpenApiSchemaReference Values(StringValuesAttribute values) => Component(values.Name, values.GetType(), () => new OpenApiSchema
    {
        Type = JsonSchemaType.String,
        Enum = [.. values.Values.Select(v => (JsonNode)v)],
    });

    private OpenApiSchemaReference Component(string name, Type? type, Func<OpenApiSchema> build)
    {
        if (_namedTypes.TryGetValue(name, out var existing) && existing != type)
        {
            throw new InvalidOperationException($"Two schemas are named {name}: {existing?.FullName ?? "a composed schema"} and {type?.FullName ?? "a composed schema"}.");
        }

        if (!Components.ContainsKey(name))
        {
            // A placeholder first: a type that contains itself then refers to itself instead of recursing.
            _namedTypes[name] = type;
            Components[name] = new OpenApiSchema();
            Components[name] = build();
        }

        return new OpenApiSchemaReference(name, document);
    }

    private static JsonTypeInfo? ContractIn(IReadOnlyList<JsonSerializerContext> contracts, Type type) =>
        contracts.Select(c => c.GetTypeInfo(type)).FirstOrDefault(t => t is not null);

    private JsonTypeInfo Contract(Type type) =>
        ContractIn(contracts, type)
        ?? throw new NotSupportedException($"{type.FullName} is in no JSON contract of {nameof(ApiOperations)}.{nameof(ApiOperations.Contracts)}; add it to a JsonSerializerContext there.");

    private static OpenApiSchema? Primitive(Type type) =>
        type == typeof(string) ? new() { Type = JsonSchemaType.String }
        : type == typeof(bool) ? new() { Type = JsonSchemaType.Boolean }
        : type == typeof(int) || type == typeof(short) || type == typeof(byte) ? new() { Type = JsonSchemaType.Integer, Format = "int32" }
        : type == typeof(long) ? new() { Type = JsonSchemaType.Integer, Format = "int64" }
        : type == typeof(double) ? new() { Type = JsonSchemaType.Number, Format = "double" }
        : type == typeof(float) ? new() { Type = JsonSchemaType.Number, Format = "float" }
        : type == typeof(decimal) ? new() { Type = JsonSchemaType.Number }
        : type == typeof(DateOnly) ? new() { Type = JsonSchemaType.String, Format = "date" }
        : type == typeof(DateTimeOffset) || type == typeof(DateTime) ? new() { Type = JsonSchemaType.String, Format = "date-time" }
        : type == typeof(Guid) ? new() { Type = JsonSchemaType.String, Format = "uuid" }
        : type == typeof(JsonObject) ? new() { Type = JsonSchemaType.Object }
        : type == typeof(JsonNode) || type == typeof(JsonElement) ? new()
        : null;

    private static OpenApiSchema WithType(OpenApiSchema schema, JsonSchemaType type)
    {
        schema.Type = type;
        return schema;
    }
}
