using System.Text.RegularExpressions;
using OpenCvSharp;

namespace SparkVideo.Reliability.Tests.Corpus;

/// <summary>
/// Every corpus case through a real socket into the real job: it keeps running, rejects each bad input exactly
/// once with its reason, and processes every valid frame around them.
/// </summary>
public sealed partial class BadInputCorpusTests(CorpusRun run) : IClassFixture<CorpusRun>
{
    public static TheoryData<string> CaseNames() => [.. CorpusCases.Build(0).Select(c => c.Name)];

    [Fact]
    public void The_job_keeps_running_through_the_whole_corpus_and_stops_cleanly()
    {
        Assert.True(run.StillRunningAfterTheCorpus, run.Job.Process.DescribeOutput());
        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public void Every_valid_frame_around_the_bad_inputs_is_written_once_and_decodes()
    {
        Assert.Equal(run.ExpectedFrames, run.Files.Length);
        foreach (var file in run.Files)
        {
            using var image = Cv2.ImRead(file);
            Assert.Equal(new Size(640, 480), image.Size());
        }
    }

    [Fact]
    public void Each_bad_input_is_rejected_exactly_once_in_rejects_log_and_on_stderr()
    {
        Assert.Equal(run.ExpectedRejects, run.RejectsLogLines.Length);
        Assert.Equal(run.ExpectedRejects, run.RejectedOnStderr);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Each_case_gets_its_outcome_and_reason(string name)
    {
        var corpusCase = run.Cases.Single(c => c.Name == name);
        if (corpusCase.Outcome == Outcome.Processed)
        {
            Assert.Equal("", corpusCase.Reason);
            return; // counted in the exact frame total above
        }
        // Cases may share a reason (four kinds of malformed record): as many log lines carry it as cases expect it.
        var expected = run.Cases.Count(c => c.Outcome == Outcome.Rejected && c.Reason == corpusCase.Reason);
        var logged = run.Reasons.Count(reason => reason.Contains(corpusCase.Reason, StringComparison.Ordinal));
        Assert.True(expected == logged, $"'{corpusCase.Reason}': {logged} rejects.log lines, expected {expected}\n{string.Join('\n', run.RejectsLogLines)}");
    }

    [Fact]
    public void Two_frames_in_the_same_millisecond_are_two_distinct_files()
    {
        var groups = run.Files.Select(Path.GetFileName).GroupBy(name => FrameName().Match(name!).Groups["ms"].Value);
        var shared = Assert.Single(groups, g => g.Count() > 1);
        Assert.Equal([$"frame_{shared.Key}.jpg", $"frame_{shared.Key}_1.jpg"], shared.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Only_numeric_frame_names_and_the_rejects_log_reach_the_output_directory()
    {
        Assert.All(run.AllOutputFiles, name => Assert.True(name == "rejects.log" || FrameName().IsMatch(name), name));
    }

    [GeneratedRegex(@"^frame_(?<ms>\d{13})(_\d+)?\.jpg$")]
    private static partial Regex FrameName();
}
