namespace SparkVideo.Reliability.Tests.Corpus;

/// <summary>
/// One job process fed the whole corpus through one real socket: a valid frame before every corpus case and
/// one after the last, so each bad input is surrounded by frames that must still be processed. Runs once
/// per test class; the facts then read what the job left behind.
/// </summary>
public sealed class CorpusRun : IDisposable
{
    private readonly RawProducer _producer = new();

    public CorpusRun()
    {
        var baseMillis = SampleFrames.BaseMillis();
        Cases = CorpusCases.Build(baseMillis);
        Job = JobProcess.Start(_producer.Port);
        using (var connection = _producer.Accept())
        {
            for (var i = 0; i < Cases.Count; i++)
            {
                connection.Send(SampleFrames.Line(SampleFrames.Timestamp(baseMillis, i), i));
                connection.Send(Cases[i].Bytes);
            }
            connection.Send(SampleFrames.Line(SampleFrames.Timestamp(baseMillis, Cases.Count), Cases.Count));
        }
        ValidFramesSent = Cases.Count + 1;
        ExpectedFrames = ValidFramesSent + Cases.Sum(c => c.Frames);
        ExpectedRejects = Cases.Count(c => c.Outcome == Outcome.Rejected);

        Job.WaitForOutcome(ExpectedFrames, ExpectedRejects);
        StillRunningAfterTheCorpus = !Job.Process.HasExited;
        ExitCode = Job.Stop();
        Files = Job.FrameFiles();
        RejectsLogLines = Job.RejectsLogLines();
        RejectedOnStderr = Job.RejectedOnStderr();
        AllOutputFiles = Directory.GetFiles(Job.OutputDirectory).Select(Path.GetFileName).ToArray()!;
    }

    public IReadOnlyList<CorpusCase> Cases { get; }

    public JobProcess Job { get; }

    public int ValidFramesSent { get; }

    public int ExpectedFrames { get; }

    public int ExpectedRejects { get; }

    public bool StillRunningAfterTheCorpus { get; }

    public int ExitCode { get; }

    public string[] Files { get; }

    public string[] AllOutputFiles { get; }

    public string[] RejectsLogLines { get; }

    public int RejectedOnStderr { get; }

    /// <summary>The reason column of rejects.log (timestamp, capture timestamp, reason, excerpt: tab-separated).</summary>
    public IEnumerable<string> Reasons => RejectsLogLines.Select(line => line.Split('\t')[2]);

    public void Dispose()
    {
        Job.Dispose();
        _producer.Dispose();
    }
}
