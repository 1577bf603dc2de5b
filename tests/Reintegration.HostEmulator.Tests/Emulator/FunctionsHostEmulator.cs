using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Reintegration.HostEmulator.Rpc;

namespace Reintegration.HostEmulator.Emulator;

/// <summary>
/// Stands in for the Azure Functions host in front of the built app: starts the worker as the host does,
/// serves the host's end of the FunctionRpc event stream (start stream, init, metadata, load, invocations),
/// and serves HTTP as the host does with the ASP.NET Core integration: it routes a request to a function,
/// forwards the request to the worker's own HTTP URI with the invocation id in x-ms-invocation-id, and
/// sends the matching InvocationRequest over gRPC, route values in its trigger metadata.
/// </summary>
public sealed class FunctionsHostEmulator : IAsyncDisposable
{
    /// <summary>The Functions host release whose sources this emulator follows.</summary>
    public const string HostVersion = "4.1037.0";

    public const string HttpUriCapability = "HttpUri";
    public const string CorrelationHeader = "x-ms-invocation-id";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Transfer-Encoding", "Connection", "Keep-Alive", "Host",
    };

    private readonly WorkerChannel _channel;
    private readonly WebApplication _rpc;
    private readonly Dictionary<string, string> _functionIds = new(StringComparer.Ordinal);
    private readonly HttpClient _toWorker = new(
        new RetryingProxyHandler(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }))
    {
        Timeout = TimeSpan.FromSeconds(120),
    };
    private WebApplication? _front;
    private HostRoutes? _routes;
    private Uri? _workerHttpUri;

    private FunctionsHostEmulator(AppDirectory app, WorkerChannel channel, WebApplication rpc, WorkerProcess worker)
    {
        App = app;
        _channel = channel;
        _rpc = rpc;
        Worker = worker;
    }

    public AppDirectory App { get; }

    public WorkerProcess Worker { get; }

    /// <summary>What the worker reported in its WorkerInitResponse.</summary>
    public IReadOnlyDictionary<string, string> Capabilities { get; private set; } = new Dictionary<string, string>();

    /// <summary>The functions the worker described when asked for its metadata (worker indexing).</summary>
    public IReadOnlyList<RpcFunctionMetadata> IndexedByWorker { get; private set; } = [];

    /// <summary>The functions the worker loaded successfully, by name.</summary>
    public IReadOnlyList<string> Loaded => [.. _functionIds.Keys];

    /// <summary>Where the emulated host serves HTTP.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Invocations the worker reported as failed, with the exception it sent.</summary>
    public List<string> FailedInvocations { get; } = [];

    public IEnumerable<RpcLog> WorkerLogs => _channel.Logs;

    /// <summary>Starts the worker against a new emulated host and brings it to the point where it serves invocations.</summary>
    /// <exception cref="WorkerStartException">The worker exited or did not open its stream in time; the message has its output.</exception>
    public static async Task<FunctionsHostEmulator> StartAsync(IDictionary<string, string?> appSettings, AppDirectory? app = null)
    {
        app ??= AppDirectory.OfBuild();
        var channel = new WorkerChannel();
        var rpc = await StartRpcServerAsync(channel);
        var endpoint = new Uri(Address(rpc));
        var emulator = new FunctionsHostEmulator(app, channel, rpc, WorkerProcess.Start(app, endpoint, appSettings));
        try
        {
            await emulator.HandshakeAsync();
            await emulator.LoadFunctionsAsync();
            await emulator.WaitForWorkerListenerAsync();
            await emulator.StartFrontAsync();
            return emulator;
        }
        catch
        {
            await emulator.DisposeAsync();
            throw;
        }
    }

    public HttpClient Client(string? apiKey = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(120) };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("x-api-key", apiKey);
        }

        return client;
    }

    /// <summary>Invokes a timer-triggered function as the host does when its schedule fires, with the TimerInfo it would send.</summary>
    public async Task<InvocationResponse> InvokeTimerAsync(string functionName, bool isPastDue, DateTimeOffset now)
    {
        var function = App.Functions.Single(f => f.Name == functionName);
        // The host serialises its TimerInfo with Newtonsoft.Json: PascalCase, the schedule status when monitored.
        var timerInfo = JsonSerializer.Serialize(new
        {
            Schedule = new { AdjustForDST = true },
            ScheduleStatus = new { Last = now.AddDays(-7).UtcDateTime, Next = now.UtcDateTime, LastUpdated = now.UtcDateTime },
            IsPastDue = isPastDue,
        });
        var request = NewInvocation(function);
        request.InputData.Add(new ParameterBinding { Name = function.Trigger.Name, Data = new TypedData { Json = timerInfo } });
        return (await InvokeAsync(request)).InvocationResponse;
    }

    private async Task HandshakeAsync()
    {
        var started = await Task.WhenAny(_channel.Started, Worker.Exited, Task.Delay(StartTimeout));
        if (started != _channel.Started)
        {
            throw new WorkerStartException(Worker.HasExited
                ? $"The worker exited with code {Worker.ExitCode} before opening its event stream:\n{Worker.OutputText}"
                : $"The worker did not open its event stream within {StartTimeout.TotalSeconds:0} s:\n{Worker.OutputText}");
        }

        var start = await _channel.Started;
        if (start.WorkerId != Worker.WorkerId)
        {
            throw new WorkerStartException($"The worker said it is '{start.WorkerId}', not the id it was given ('{Worker.WorkerId}').");
        }

        var init = new WorkerInitRequest { HostVersion = HostVersion, WorkerDirectory = App.Path, FunctionAppDirectory = App.Path };
        // Every host advertises that it accepts several streams from one worker.
        init.Capabilities.Add("MultiStream", "10");
        var response = (await _channel.AskAsync(Request(m => m.WorkerInitRequest = init), WorkerChannel.InitKey)).WorkerInitResponse;
        if (response.Result.Status != StatusResult.Types.Status.Success)
        {
            throw new WorkerStartException($"The worker failed to initialise: {response.Result.Exception?.Message}");
        }

        Capabilities = new Dictionary<string, string>(response.Capabilities);
        if (!Capabilities.TryGetValue(HttpUriCapability, out var httpUri) || !Uri.TryCreate(httpUri, UriKind.Absolute, out _workerHttpUri))
        {
            throw new WorkerStartException(
                "The worker did not report the HTTP URI it listens on (capability HttpUri): is the ASP.NET Core integration on?");
        }
    }

    private async Task LoadFunctionsAsync()
    {
        var indexed = (await _channel.AskAsync(
            Request(m => m.FunctionsMetadataRequest = new FunctionsMetadataRequest { FunctionAppDirectory = App.Path }),
            WorkerChannel.MetadataKey)).FunctionMetadataResponse;
        if (indexed.Result.Status != StatusResult.Types.Status.Success)
        {
            throw new WorkerStartException($"The worker failed to index its functions: {indexed.Result.Exception?.Message}");
        }

        IndexedByWorker = [.. indexed.FunctionMetadataResults];

        // Loaded from functions.metadata, as the host loads what it finds in the script root.
        foreach (var function in App.Functions)
        {
            var id = Guid.NewGuid().ToString();
            var metadata = new RpcFunctionMetadata
            {
                Name = function.Name,
                Directory = App.Path,
                ScriptFile = function.ScriptFile,
                EntryPoint = function.EntryPoint,
                Language = function.Language,
                FunctionId = id,
            };
            foreach (var binding in function.Bindings)
            {
                metadata.Bindings.Add(binding.Name, new BindingInfo
                {
                    Type = binding.Type,
                    Direction = binding.Direction == "In" ? BindingInfo.Types.Direction.In : BindingInfo.Types.Direction.Out,
                });
                metadata.RawBindings.Add(binding.Raw.GetRawText());
            }

            var request = Request(m => m.FunctionLoadRequest = new FunctionLoadRequest { FunctionId = id, Metadata = metadata });
            var loaded = (await _channel.AskAsync(request, WorkerChannel.LoadKey(id))).FunctionLoadResponse;
            if (loaded.Result.Status != StatusResult.Types.Status.Success)
            {
                throw new WorkerStartException($"The worker failed to load {function.Name}: {loaded.Result.Exception?.Message}");
            }

            _functionIds[function.Name] = id;
        }
    }

    /// <summary>
    /// Waits until the worker accepts connections at its HTTP URI. The host does not wait; it retries a refused
    /// request ten times within two seconds, which a worker starting on a loaded test machine can outlast.
    /// </summary>
    private async Task WaitForWorkerListenerAsync()
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            using var probe = new System.Net.Sockets.TcpClient();
            try
            {
                await probe.ConnectAsync(_workerHttpUri!.Host, _workerHttpUri.Port);
                return;
            }
            catch (System.Net.Sockets.SocketException) when (waited.Elapsed < StartTimeout && !Worker.HasExited)
            {
                await Task.Delay(100);
            }
        }
    }

    private async Task StartFrontAsync()
    {
        _routes = new HostRoutes(App);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _front = builder.Build();
        _front.Run(ServeAsync);
        await _front.StartAsync();
        BaseAddress = new Uri(Address(_front));
    }

    private async Task ServeAsync(HttpContext context)
    {
        if (_routes!.Match(context.Request.Method, context.Request.Path) is not var (function, values))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var request = NewInvocation(function);
        var invocationId = request.InvocationId;
        // Proxying: the trigger's input is an empty RpcHttp; the request itself goes over HTTP.
        request.InputData.Add(new ParameterBinding { Name = function.Trigger.Name, Data = new TypedData { Http = new RpcHttp() } });
        AddTriggerMetadata(request, context.Request, values);

        // As the host does: forward first, then send the invocation, so the worker pairs the two.
        var forwarded = ForwardAsync(context.Request, invocationId);
        var answered = InvokeAsync(request);
        using var response = await forwarded;
        var body = await response.Content.ReadAsByteArrayAsync();
        var invocation = (await answered).InvocationResponse;
        if (invocation.Result.Status != StatusResult.Types.Status.Success)
        {
            lock (FailedInvocations)
            {
                var exception = invocation.Result.Exception;
                FailedInvocations.Add($"{function.Name}: {exception?.Message}\n{exception?.StackTrace}");
            }

            // A failed invocation is a 500 from the host, whatever the worker wrote.
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return;
        }

        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var header in response.Headers.Concat(response.Content.Headers).Where(h => !HopByHop.Contains(h.Key)))
        {
            context.Response.Headers[header.Key] = header.Value.ToArray();
        }

        await context.Response.Body.WriteAsync(body);
    }

    private InvocationRequest NewInvocation(FunctionEntry function) => new()
    {
        InvocationId = Guid.NewGuid().ToString(),
        FunctionId = _functionIds[function.Name],
        // The host always sends the trace context of the invocation's activity (W3C traceparent).
        TraceContext = new RpcTraceContext { TraceParent = $"00-{ActivityTraceId.CreateRandom()}-{ActivitySpanId.CreateRandom()}-01" },
    };

    private Task<StreamingMessage> InvokeAsync(InvocationRequest request) =>
        _channel.AskAsync(new StreamingMessage { InvocationRequest = request }, WorkerChannel.InvocationKey(request.InvocationId));

    private static StreamingMessage Request(Action<StreamingMessage> content)
    {
        var message = new StreamingMessage { RequestId = Guid.NewGuid().ToString() };
        content(message);
        return message;
    }

    private static void AddTriggerMetadata(InvocationRequest request, HttpRequest http, RouteValueDictionary values)
    {
        // The HTTP trigger's binding data: each query parameter, then each route value (route wins), and the
        // query and headers as JSON objects. The worker binds parameters that are not bindings from it.
        foreach (var (key, value) in http.Query)
        {
            request.TriggerMetadata[key] = new TypedData { String = value.ToString() };
        }

        foreach (var (key, value) in values)
        {
            request.TriggerMetadata[key] = new TypedData { String = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "" };
        }

        request.TriggerMetadata["Query"] = Json(http.Query.ToDictionary(q => q.Key, q => q.Value.ToString()));
        request.TriggerMetadata["Headers"] = Json(http.Headers.ToDictionary(h => h.Key, h => h.Value.ToString()));
    }

    private static TypedData Json(Dictionary<string, string> values) => new() { Json = JsonSerializer.Serialize(values) };

    private async Task<HttpResponseMessage> ForwardAsync(HttpRequest incoming, string invocationId)
    {
        var target = new Uri(_workerHttpUri!, incoming.Path + incoming.QueryString);
        using var outgoing = new HttpRequestMessage(new HttpMethod(incoming.Method), target);
        var hasBody = incoming.ContentLength > 0 || incoming.Headers.TransferEncoding.Count > 0;
        if (hasBody)
        {
            outgoing.Content = new StreamContent(incoming.Body);
        }

        foreach (var (key, value) in incoming.Headers.Where(h => !HopByHop.Contains(h.Key)))
        {
            if (!outgoing.Headers.TryAddWithoutValidation(key, (IEnumerable<string?>)value))
            {
                outgoing.Content?.Headers.TryAddWithoutValidation(key, (IEnumerable<string?>)value);
            }
        }

        // The host's forwarder adds these; the worker's forwarded-headers middleware reads them.
        outgoing.Headers.TryAddWithoutValidation("X-Forwarded-For", incoming.HttpContext.Connection.RemoteIpAddress?.ToString());
        outgoing.Headers.TryAddWithoutValidation("X-Forwarded-Proto", incoming.Scheme);
        outgoing.Headers.TryAddWithoutValidation("X-Forwarded-Host", incoming.Host.Value);
        outgoing.Headers.TryAddWithoutValidation(CorrelationHeader, invocationId);
        return await _toWorker.SendAsync(outgoing, HttpCompletionOption.ResponseContentRead);
    }

    private static async Task<WebApplication> StartRpcServerAsync(WorkerChannel channel)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        // gRPC over plain HTTP/2 on loopback, as the host listens for its workers.
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc(grpc =>
        {
            grpc.MaxReceiveMessageSize = null;
            grpc.MaxSendMessageSize = null;
        });
        builder.Services.AddSingleton(channel);
        var app = builder.Build();
        app.MapGrpcService<FunctionRpcService>();
        await app.StartAsync();
        return app;
    }

    private static string Address(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single()
            .TrimEnd('/') + "/";

    public async ValueTask DisposeAsync()
    {
        if (!Worker.HasExited && _channel.Started.IsCompleted && !_channel.Closed.IsCompleted)
        {
            var grace = Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(TimeSpan.FromSeconds(5));
            await _channel.SendAsync(new StreamingMessage { WorkerTerminate = new WorkerTerminate { GracePeriod = grace } });
        }

        await Worker.DisposeAsync();
        if (_front is not null)
        {
            await _front.StopAsync();
            await _front.DisposeAsync();
        }

        await _rpc.StopAsync();
        await _rpc.DisposeAsync();
        _toWorker.Dispose();
    }
}

/// <summary>The worker could not be brought up: the message says why, with its output.</summary>
public sealed class WorkerStartException(string message) : Exception(message);
