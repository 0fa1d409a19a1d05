using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace SparkVideo.Mjpeg;

/// <summary>
/// Starts a bare Kestrel app (no configuration files, no logging, no file watching) on an address, trying the
/// next ports when one is taken, as Spark's UI does. Port 0 lets the system pick one.
/// </summary>
public static class WebHostStarter
{
    /// <summary>Returns the started app and the port it listens on.</summary>
    /// <exception cref="IOException">Every port tried was taken, or the address cannot be bound.</exception>
    public static async Task<(WebApplication App, int Port)> StartAsync(IPAddress address, int firstPort, int attempts, Action<WebApplication> mapRoutes)
    {
        IOException? last = null;
        for (var i = 0; i < (firstPort == 0 ? 1 : attempts) && firstPort + i <= IPEndPoint.MaxPort; i++)
        {
            var port = firstPort == 0 ? 0 : firstPort + i;
            var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
            builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
            {
                kestrel.AddServerHeader = false;
                kestrel.Listen(address, port);
            });
            builder.Services.AddRoutingCore();
            var app = builder.Build();
            mapRoutes(app);
            try
            {
                await app.StartAsync().ConfigureAwait(false);
                return (app, BoundPort(app));
            }
            catch (IOException e)
            {
                last = e;
                await app.DisposeAsync().ConfigureAwait(false);
            }
        }
        throw last ?? new IOException($"no port to try from {firstPort}");
    }

    private static int BoundPort(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        return new Uri(addresses.First()).Port;
    }
}
