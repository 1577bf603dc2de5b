using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Reintegration.IntegrationTests.Hosting;

/// <summary>HTTP functions that exist only for tests of the standalone host.</summary>
public sealed class TestHttpFunctions
{
    [Function("TestEcho")]
    public IResult Echo(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "test/echo/{name}/{count:int}")] HttpRequest request,
        string name,
        int count) =>
        TypedResults.Ok(new { name, count, query = request.Query["q"].ToString() });

    [Function("TestActionResult")]
    public static IActionResult ActionResult(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "test/action/{id:guid}")] HttpRequest request,
        Guid id) =>
        new CreatedResult($"/api/test/action/{id}", new { id });

    [Function("TestCancellable")]
    public static async Task<IResult> Cancellable(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "test/wait")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        await Task.Yield();
        return TypedResults.Ok(new { cancellable = cancellationToken.CanBeCanceled });
    }
}
