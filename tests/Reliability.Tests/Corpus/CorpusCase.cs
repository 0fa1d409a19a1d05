namespace SparkVideo.Reliability.Tests.Corpus;

/// <summary>What the job must do with a corpus line.</summary>
public enum Outcome
{
    /// <summary>Rejected with a reason: one rejects.log line and one "Rejected frame" stderr line.</summary>
    Rejected,

    /// <summary>Accepted: one frame file per frame in the bytes.</summary>
    Processed,
}

/// <summary>
/// One input of the bad-input corpus: the raw bytes written to the socket (terminator included), what the job
/// must do with them, and the text its rejection reason must contain.
/// </summary>
public sealed record CorpusCase(string Name, byte[] Bytes, Outcome Outcome, string Reason = "", int Frames = 0)
{
    public override string ToString() => Name;
}
