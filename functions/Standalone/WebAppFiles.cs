using System.IO.Compression;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace Reintegration.Functions.Standalone;

/// <summary>
/// The caseworker's web app (web/, built by scripts/build-web.mjs into the app's wwwroot) served beside the
/// API: <c>/</c> is its page, its assets are compressed and cached for good (their names carry a hash of their
/// content), and nothing under the route prefix is touched, so every API path keeps its own answers and problems.
/// </summary>
internal static class WebAppFiles
{
    // The page reaches only this origin; it is never framed, and runs no script it did not bring.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'";

    public static IServiceCollection AddWebAppFiles(this IServiceCollection services) =>
        services
            .AddResponseCompression(options =>
            {
                options.EnableForHttps = true;
                options.Providers.Add<BrotliCompressionProvider>();
                options.Providers.Add<GzipCompressionProvider>();
                options.MimeTypes = ["text/html", "text/css", "text/javascript", "application/javascript", "image/svg+xml"];
            })
            .Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Optimal)
            .Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Optimal);

    public static void UseWebAppFiles(this WebApplication app, string routePrefix)
    {
        if (string.IsNullOrWhiteSpace(routePrefix))
        {
            // The API owns every path: there is no room for the page.
            return;
        }

        var api = new PathString("/" + routePrefix.Trim('/'));
        app.UseWhen(context => !context.Request.Path.StartsWithSegments(api), web =>
        {
            web.UseResponseCompression();
            web.UseDefaultFiles();
            web.UseStaticFiles(new StaticFileOptions
            {
                ContentTypeProvider = new FileExtensionContentTypeProvider(),
                OnPrepareResponse = file => PrepareResponse(file.Context.Response, file.File.Name),
            });
        });
    }

    private static void PrepareResponse(HttpResponse response, string fileName)
    {
        var headers = response.Headers;
        headers[HeaderNames.XContentTypeOptions] = "nosniff";
        if (fileName.EndsWith(".html", StringComparison.OrdinalIgnoreCase))
        {
            // The page names the assets of the current build, so it is checked again on every load.
            headers[HeaderNames.CacheControl] = "no-cache";
            headers[HeaderNames.ContentSecurityPolicy] = ContentSecurityPolicy;
            headers["Referrer-Policy"] = "no-referrer";
        }
        else
        {
            headers[HeaderNames.CacheControl] = "public, max-age=31536000, immutable";
        }
    }
}
