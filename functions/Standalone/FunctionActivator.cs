using System.Diagnostics;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Reintegration.Functions.Telemetry;

namespace Reintegration.Functions.Standalone;

/// <summary>
/// Creates a function's class per invocation from the invocation's services, as the worker does,
/// and awaits whatever the method returns.
/// </summary>
internal sealed class FunctionActivator
{
    private readonly MethodInfo _method;
    private readonly string _name;
    private readonly string _trigger;
    private readonly ObjectFactory? _factory;

    /// <param name="method">The function's method.</param>
    /// <param name="name">The function's name, for its invocation spans.</param>
    /// <param name="trigger">"http" or "timer".</param>
    public FunctionActivator(MethodInfo method, string name, string trigger)
    {
        _method = method;
        _name = name;
        _trigger = trigger;
        _factory = method.IsStatic ? null : ActivatorUtilities.CreateFactory(method.DeclaringType!, Type.EmptyTypes);
    }

    public async Task<object?> InvokeAsync(IServiceProvider services, object?[] arguments)
    {
        using var span = FunctionTelemetry.StartInvocation(_name, _trigger);
        try
        {
            return await InvokeFunctionAsync(services, arguments);
        }
        catch (Exception e)
        {
            span?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            throw;
        }
    }

    private async Task<object?> InvokeFunctionAsync(IServiceProvider services, object?[] arguments)
    {
        var instance = _factory?.Invoke(services, null);
        try
        {
            object? returned;
            try
            {
                returned = _method.Invoke(instance, arguments);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException);
                throw;
            }

            return await UnwrapAsync(returned);
        }
        finally
        {
            switch (instance)
            {
                case IAsyncDisposable asyncDisposable: await asyncDisposable.DisposeAsync(); break;
                case IDisposable disposable: disposable.Dispose(); break;
            }
        }
    }

    private async Task<object?> UnwrapAsync(object? returned)
    {
        var declared = _method.ReturnType;
        if (returned is Task task)
        {
            await task;
            return declared.IsGenericType ? declared.GetProperty(nameof(Task<object>.Result))!.GetValue(task) : null;
        }

        if (returned is ValueTask valueTask)
        {
            await valueTask;
            return null;
        }

        if (declared.IsGenericType && declared.GetGenericTypeDefinition() == typeof(ValueTask<>))
        {
            var asTask = (Task)declared.GetMethod(nameof(ValueTask<object>.AsTask))!.Invoke(returned, null)!;
            await asTask;
            return asTask.GetType().GetProperty(nameof(Task<object>.Result))!.GetValue(asTask);
        }

        return returned;
    }
}
