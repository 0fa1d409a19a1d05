using SparkVideo.Frames;
namespace SparkVideo.Reliability.Tests.Faults;

/// <summary>Without a usable model no frame could be processed, so the job must refuse to start at all.</summary>
public sealed class ModelPreflightTests
{
    [Theory]
    [InlineData("missing")]
    [InlineData("corrupt")]
    public void The_job_refuses_to_start_naming_the_model_path_and_the_regenerate_command(string problem)
    {
        var workingDirectory = JobProcess.NewWorkingDirectory();
        try
        {
            Directory.CreateDirectory(workingDirectory);
            var modelPath = Path.Combine(workingDirectory, problem + ".onnx");
            if (problem == "corrupt")
            {
                File.WriteAllBytes(modelPath, [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 37))]);
            }

            using var job = JobProcess.Launch(workingDirectory, "--port", "9", "--model-path", modelPath);
            var exitCode = job.WaitForExit(TimeSpan.FromSeconds(60));

            Assert.Equal(1, exitCode);
            var error = string.Join('\n', job.StderrLines);
            Assert.Contains($"'{modelPath}'", error, StringComparison.Ordinal);
            Assert.Contains("dotnet run --project tools/TfliteToOnnx", error, StringComparison.Ordinal);
            Assert.DoesNotContain(ProgramLines.JobStarted, job.StdoutLines);
        }
        finally
        {
            Directory.Delete(workingDirectory, recursive: true);
        }
    }
}
