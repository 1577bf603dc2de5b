using Microsoft.AspNetCore.Http;
using Microsoft.OpenApi;
using Reintegration.Functions.Http;

namespace Reintegration.Functions.OpenApi;

/// <summary>
/// What an HTTP function's attributes do not say about it: a summary, who may call it (null: anyone),
/// its request body, query and header parameters, its success status and body, and the error statuses
/// it answers with beyond those every call can have (see <see cref="ApiDocument"/>).
/// </summary>
public sealed record ApiOperation(string Summary, Roles? Roles)
{
    public ApiBody? Request { get; init; }

    public IReadOnlyList<ApiParameter> Parameters { get; init; } = [];

    public int Status { get; init; } = StatusCodes.Status200OK;

    /// <summary>The success body; null for none (204).</summary>
    public ApiBody? Response { get; init; }

    /// <summary>Headers of the success answer that a client reads.</summary>
    public IReadOnlyList<ApiHeader> ResponseHeaders { get; init; } = [];

    public IReadOnlyList<int> Errors { get; init; } = [];

    /// <summary>Other successes, without a body, and when each is answered (a PUT that withdraws consent erases: 204).</summary>
    public IReadOnlyList<(int Status, string Description)> AlsoAnswers { get; init; } = [];
}

/// <summary>A request or response body: one schema per media type.</summary>
public sealed record ApiBody(IReadOnlyList<(string MediaType, ApiSchema Schema)> Content, string? Description = null)
{
    public static ApiBody Json<T>() => new([("application/json", ApiSchema.Of<T>())]);

    /// <summary>One object, or an array of 1 to <paramref name="maxItems"/> of them (a component named for the type: ProfileList).
    /// </summary>
    public static ApiBody OneOrMany<T>(int maxItems) => new([("application/json", new OneOrManySchema(typeof(T), maxItems))]);

    public static ApiBody Json(ApiSchema schema) => new([("application/json", schema)]);

    public static ApiBody Text(string mediaType, string description) => new([(mediaType, ApiSchema.Text)], description);
}

/// <summary>The schema of a body, generated from the C# types' JSON contracts (see <see cref="JsonSchemas"/>).</summary>
public abstract record ApiSchema
{
    public static readonly ApiSchema Text = new TextSchema();

    public static readonly ApiSchema AnyObject = new AnyObjectSchema();

    public static ApiSchema Of<T>() => new TypeSchema(typeof(T));

    /// <summary>The enum component of a closed list of strings (<see cref="StringValuesAttribute"/>).</summary>
    public static ApiSchema Values<TValues>()
        where TValues : StringValuesAttribute, new() => new ValuesSchema(new TValues());

    /// <summary>A stored document: the properties of <typeparamref name="TFields"/> then those of <typeparamref name="TDocument"/>, as one object named <paramref name="name"/>.</summary>
    public static ApiSchema Resource<TFields, TDocument>(string name) => new ResourceSchema(name, [typeof(TFields), typeof(TDocument)]);

    /// <summary>A page of <typeparamref name="TPage"/> whose free-form JSON objects are each <paramref name="items"/>, named <paramref name="name"/>.</summary>
    public static ApiSchema Page<TPage>(string name, ApiSchema items) => new PageSchema(name, typeof(TPage), items);
}

public sealed record TypeSchema(Type Type) : ApiSchema;

public sealed record OneOrManySchema(Type Type, int MaxItems) : ApiSchema;

public sealed record ResourceSchema(string Name, IReadOnlyList<Type> Parts) : ApiSchema;

public sealed record PageSchema(string Name, Type PageType, ApiSchema Items) : ApiSchema;

public sealed record ValuesSchema(StringValuesAttribute Values) : ApiSchema;

/// <summary>A schema written out in full where it is used.</summary>
public sealed record InlineSchema(OpenApiSchema Schema) : ApiSchema;

public sealed record TextSchema : ApiSchema;

public sealed record AnyObjectSchema : ApiSchema;

/// <summary>A header of an answer.</summary>
public sealed record ApiHeader(string Name, string Description, OpenApiSchema Schema);

/// <summary>A query or header parameter.</summary>
public sealed record ApiParameter(string Name, ParameterLocation In, string Description, ApiSchema Schema)
{
    public bool Required { get; init; }

    public static ApiParameter Query(string name, string description, OpenApiSchema schema) =>
        new(name, ParameterLocation.Query, description, new InlineSchema(schema));

    /// <summary>A query parameter whose schema is a component, such as the enum of a <see cref="StringValuesAttribute"/>.</summary>
    public static ApiParameter Query(string name, string description, ApiSchema schema) =>
        new(name, ParameterLocation.Query, description, schema);

    public static ApiParameter Header(string name, string description, OpenApiSchema schema) =>
        new(name, ParameterLocation.Header, description, new InlineSchema(schema));
}
