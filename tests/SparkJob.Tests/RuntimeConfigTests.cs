using Newtonsoft.Json.Linq;
using SparkVideo.ChildProcesses;

namespace SparkVideo.Job.Tests;

/// <summary>How the job's host picks a .NET runtime: the Spark build targets net8.0 but must run where only a newer one is.</summary>
public sealed class RuntimeConfigTests
{
    [Fact]
    public void The_job_rolls_forward_to_a_newer_major_runtime()
    {
        var config = JObject.Parse(File.ReadAllText(RepoPaths.InOutputFolder("SparkJob.runtimeconfig.json")));

        Assert.Equal("Major", (string?)config["runtimeOptions"]?["rollForward"]);
    }
}
