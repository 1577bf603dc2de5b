using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;

namespace Reintegration.Functions.Standalone;

/// <summary>Serves HTTP-triggered functions as ASP.NET Core endpoints, at the routes their attributes declare.</summary>
internal static class HttpFunctionEndpoints
{
    private static readonly object Unbindable = new();

    public static void MapHttpFunctions(this IEndpointRouteBuilder endpoints, IEnumerable<HttpFunction> functions, string routePrefix)
    {
        foreach (var function in functions)
        {
            if (function.AuthLevel != AuthorizationLevel.Anonymous)
            {
                // Function keys belong to the Functions host; serving the function without them would open it.
                throw new NotSupportedException(
                    $"Function '{function.Name}' is at authorization level {function.AuthLevel}; the standalone host serves anonymous-level functions only.");
            }

            var pattern = string.IsNullOrEmpty(routePrefix) ? function.Route : $"{routePrefix.Trim('/')}/{function.Route.TrimStart('/')}";
            var handler = CreateHandler(function);
            var builder = function.Methods is { Count: > 0 } methods
                ? endpoints.MapMethods("/" + pattern, methods.Select(m => m.ToUpperInvariant()), handler)
                : endpoints.Map("/" + pattern, handler);
            builder.WithName(function.Name);
        }
    }

    private static RequestDelegate CreateHandler(HttpFunction function)
    {
        var activator = new FunctionActivator(function.Method, function.Name, "http");
        var binders = function.Method.GetParameters().Select(p => CreateBinder(function, p)).ToArray();
        return async context =>
        {
            var arguments = new object?[binders.Length];
            for (var i = 0; i < binders.Length; i++)
            {
                arguments[i] = binders[i](context);
                if (arguments[i] == Unbindable)
                {
                    // A route value of the wrong type matches no resource, as a route constraint would decide.
                    await Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found",
                        detail: $"No resource matches the route value '{function.Method.GetParameters()[i].Name}'.").ExecuteAsync(context);
                    return;
                }
            }

            var result = await activator.InvokeAsync(context.RequestServices, arguments);
            await WriteResultAsync(context, result);
        };
    }

    private static Func<HttpContext, object?> CreateBinder(HttpFunction function, ParameterInfo parameter)
    {
        var type = parameter.ParameterType;
        if (type == typeof(HttpRequest))
        {
            return context => context.Request;
        }

        if (type == typeof(HttpContext))
        {
            return context => context;
        }

        if (type == typeof(CancellationToken))
        {
            return context => context.RequestAborted;
        }

        var name = parameter.Name!;
        var converter = TypeDescriptor.GetConverter(type);
        if (converter.CanConvertFrom(typeof(string)))
        {
            return context => context.Request.RouteValues.TryGetValue(name, out var value) && value is not null
                ? ConvertRouteValue(converter, Convert.ToString(value, CultureInfo.InvariantCulture)!)
                : parameter.HasDefaultValue ? parameter.DefaultValue : null;
        }

        throw new NotSupportedException(
            $"Function '{function.Name}' takes parameter '{name}' of type {type.Name}; the standalone host binds HttpRequest, HttpContext, CancellationToken and route values.");
    }

    private static object? ConvertRouteValue(TypeConverter converter, string value)
    {
        try
        {
            return converter.ConvertFromInvariantString(value);
        }
        catch (Exception e) when (e is FormatException or NotSupportedException or ArgumentException or OverflowException)
        {
            return Unbindable;
        }
    }

    private static async Task WriteResultAsync(HttpContext context, object? result)
    {
        switch (result)
        {
            case IResult httpResult:
                await httpResult.ExecuteAsync(context);
                break;
            case IActionResult actionResult:
                await actionResult.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
                break;
            case null:
                break;
            default:
                await context.Response.WriteAsJsonAsync(result, result.GetType());
                break;
        }
    }
}
