using Microsoft.Playwright;
using SparkVideo.LiveView.Tests.Support;

namespace SparkVideo.LiveView.Tests;

/// <summary>Two real cameras into one real job: the live view shows each camera on its own, never one in another.</summary>
public sealed class MultiCameraLiveViewTests(MultiCameraPipelineFixture fixture) : IClassFixture<MultiCameraPipelineFixture>
{
    private MultiCameraLivePipeline Pipeline => fixture.Pipeline;

    [Fact]
    public void Api_status_lists_each_camera_with_the_frames_in_its_folder()
    {
        // The cameras keep streaming: compare in a moment when no file was written around the request.
        Eventually.True(() =>
        {
            var before = FilesOnDisk();
            var status = Pipeline.Status();
            return before.All(camera => camera.Count > 0) && FilesOnDisk().SequenceEqual(before)
                && CameraCounts(status).SequenceEqual(before) && status.GetProperty("processed").GetInt64() == before.Sum(camera => camera.Count);
        }, () => $"api/status says {string.Join(", ", CameraCounts(Pipeline.Status()))}; on disk {string.Join(", ", FilesOnDisk())}", TimeSpan.FromSeconds(60));
        Assert.Equal(["/cameras/door/stream.mjpg", "/cameras/yard/stream.mjpg"],
            Pipeline.Status().GetProperty("cameras").EnumerateArray().Select(camera => camera.GetProperty("stream").GetString()));
    }

    [Fact]
    public async Task Each_camera_stream_serves_frames_of_its_own_camera_only()
    {
        foreach (var name in MultiCameraLivePipeline.CameraNames)
        {
            var jpeg = await MjpegParts.ReadFirstAsync($"{Pipeline.PageUrl}cameras/{name}/stream.mjpg");
            foreach (var folder in MultiCameraLivePipeline.CameraNames)
            {
                var match = Pipeline.Frames(folder).Any(file => File.ReadAllBytes(file).AsSpan().SequenceEqual(jpeg));
                Assert.True(match == (folder == name), $"the stream of {name} sent a frame that {(match ? "is" : "is not")} in output_frames/{folder}/");
            }
        }
    }

    [Fact]
    public async Task Each_camera_frame_is_the_newest_jpeg_of_its_own_camera_only()
    {
        using var client = new HttpClient();
        foreach (var name in MultiCameraLivePipeline.CameraNames)
        {
            byte[] jpeg = [];
            Eventually.True(() =>
            {
                using var response = client.GetAsync($"{Pipeline.PageUrl}cameras/{name}/frame.jpg").GetAwaiter().GetResult();
                jpeg = response.StatusCode == System.Net.HttpStatusCode.OK ? response.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult() : [];
                return jpeg.Length > 0 && response.Headers.CacheControl?.NoStore == true && response.Content.Headers.ContentType?.MediaType == "image/jpeg";
            }, () => $"no frame of {name} on /cameras/{name}/frame.jpg", TimeSpan.FromSeconds(60));
            foreach (var folder in MultiCameraLivePipeline.CameraNames)
            {
                var match = Pipeline.Frames(folder).Any(file => File.ReadAllBytes(file).AsSpan().SequenceEqual(jpeg));
                Assert.True(match == (folder == name), $"/cameras/{name}/frame.jpg sent a frame that {(match ? "is" : "is not")} in output_frames/{folder}/");
            }
        }
    }

    [Fact]
    public async Task Each_camera_gets_its_own_tile_with_its_newest_frame_and_count_beside_the_first_camera_input()
    {
        var page = await fixture.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 1000 } });
        var errors = new List<string>();
        var streamsRequested = new List<string>();
        page.PageError += (_, error) => { lock (errors) { errors.Add(error); } };
        page.Request += (_, request) =>
        {
            if (request.Url.Contains("/cameras/", StringComparison.Ordinal) && request.Url.Contains("stream.mjpg", StringComparison.Ordinal))
            {
                lock (streamsRequested)
                {
                    streamsRequested.Add(request.Url);
                }
            }
        };
        try
        {
            await page.GotoAsync(Pipeline.PageUrl, new PageGotoOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
            await page.WaitForFunctionAsync(
                "names => { const tiles = [...document.querySelectorAll('figure.camera')];"
                + " return tiles.length === names.length && tiles.every((tile, i) => tile.dataset.name === names[i]"
                + " && /^[1-9][0-9,]* processed$/.test(tile.querySelector('.count').textContent) && tile.querySelector('img').naturalWidth > 0); }",
                MultiCameraLivePipeline.CameraNames.ToArray(), new PageWaitForFunctionOptions { Timeout = 60_000 });
            Assert.Equal(MultiCameraLivePipeline.CameraNames.ToArray(), await page.EvalOnSelectorAllAsync<string[]>("figure.camera figcaption", "captions => captions.map(caption => caption.firstChild.textContent)"));
            var shown = await page.EvalOnSelectorAllAsync<string[]>("figure.camera .count", "counts => counts.map(count => count.textContent)");
            foreach (var (count, camera) in shown.Zip(FilesOnDisk()))
            {
                Assert.InRange(long.Parse(count.Split(' ')[0], NumberStyles.AllowThousands, CultureInfo.InvariantCulture), 1, camera.Count);
            }

            // Each tile loads its camera's newest frame again and again, and holds no stream open: a browser gives a
            // page six connections to one server, so a stream per tile would stall a page of six cameras.
            Assert.All(await page.EvalOnSelectorAllAsync<string[]>("figure.camera img", "images => images.map(image => image.getAttribute('src'))"),
                (src, i) => Assert.StartsWith($"/cameras/{MultiCameraLivePipeline.CameraNames[i]}/frame.jpg?n=", src));
            await page.WaitForFunctionAsync(
                "() => [...document.querySelectorAll('figure.camera img')].every(image => Number(new URL(image.src).searchParams.get('n')) > 3 && image.naturalWidth > 0)",
                null, new PageWaitForFunctionOptions { Timeout = 60_000 });
            lock (streamsRequested)
            {
                Assert.Empty(streamsRequested);
            }

            // Other tests of this class read a camera's stream and close it; the server counts a viewer gone when its
            // next write fails, so the count is waited for rather than read once.
            Eventually.True(() => Pipeline.Status().GetProperty("cameras").EnumerateArray().All(camera => camera.GetProperty("viewers").GetInt32() == 0),
                () => $"viewers still counted on the cameras' streams: {Pipeline.Status().GetProperty("cameras")}", TimeSpan.FromSeconds(20));
            Assert.True(await page.IsHiddenAsync("#output-video"), "the stream of every camera's frames is still shown beside the tiles");
            Assert.Null(await page.GetAttributeAsync("#output", "src"));
            await page.WaitForFunctionAsync("() => document.getElementById('input').naturalWidth > 0", null, new PageWaitForFunctionOptions { Timeout = 60_000 });
            Assert.Equal(Pipeline.PreviewUrl, await page.GetAttributeAsync("#input", "src"));
            var screenshots = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "live_view_cameras.png") });
            lock (errors)
            {
                Assert.Empty(errors);
            }
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    [Theory]
    [InlineData("/cameras/garage/stream.mjpg")]
    [InlineData("/cameras/DOOR/stream.mjpg")]
    [InlineData("/cameras/door/stream.mjpg/x")]
    [InlineData("/cameras/door")]
    [InlineData("/cameras//stream.mjpg")]
    [InlineData("/cameras/../stream.mjpg")]
    [InlineData("/cameras/door/../yard/stream.mjpg")]
    [InlineData("/cameras/%2e%2e/stream.mjpg")]
    [InlineData("/cameras/..%2fdoor/stream.mjpg")]
    [InlineData("/cameras/door%2f..%2fyard/stream.mjpg")]
    [InlineData("/cameras/door%20/stream.mjpg")]
    [InlineData("/cameras/garage/frame.jpg")]
    [InlineData("/cameras/door/frame.jpg/x")]
    [InlineData("/cameras/../frame.jpg")]
    [InlineData("/cameras/%2e%2e/frame.jpg")]
    public void Unknown_and_traversal_camera_names_get_404(string target)
    {
        Assert.Equal(200, RawHttp.StatusOf(Pipeline.UiPort, "/cameras/door/stream.mjpg"));
        Assert.Equal(404, RawHttp.StatusOf(Pipeline.UiPort, target));
    }

    private static List<(string Name, long Count)> CameraCounts(System.Text.Json.JsonElement status) =>
        [.. status.GetProperty("cameras").EnumerateArray()
            .Select(camera => (camera.GetProperty("name").GetString()!, camera.GetProperty("processed").GetInt64()))];

    private List<(string Name, long Count)> FilesOnDisk() =>
        [.. MultiCameraLivePipeline.CameraNames.Select(name => (name, (long)Pipeline.Frames(name).Length))];
}
