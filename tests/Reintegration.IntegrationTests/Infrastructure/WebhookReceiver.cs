using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Reintegration.IntegrationTests.Infrastructure;

/// <summary>A webhook endpoint on loopback that records what it receives, and can fail its first calls.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _calls;

    private WebhookReceiver(WebApplication app, int failFirst)
    {
        _app = app;
        FailFirst = failFirst;
    }

    public int FailFirst { get; set; }

    public int Calls => Volatile.Read(ref _calls);

    /// <summary>The bodies accepted (2xx), with their idempotency keys.</summary>
    public ConcurrentQueue<(string Key, string Body)> Received { get; } = new();

    public string Url { get; private set; } = "";

    public static async Task<WebhookReceiver> StartAsync(int failFirst = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, failFirst);
        app.MapPost("/hook", async (HttpContext context) =>
        {
            var call = Interlocked.Increment(ref receiver._calls);
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            if (call <= receiver.FailFirst)
            {
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            }

            receiver.Received.Enqueue((context.Request.Headers["Idempotency-Key"].ToString(), body));
            return Results.Ok();
        });
        await app.StartAsync();
        receiver.Url = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single() + "/hook";
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
