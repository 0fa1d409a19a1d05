using System.CommandLine;
using SparkVideo.Job;

// SparkVideo's Structured Streaming driver. The query itself lives in SparkVideoJob.cs.
var parseResult = JobCommandLine.Build(SparkVideoJob.Run).Parse(args);
if (parseResult.Errors.Count > 0)
{
    Console.Error.WriteLine($"error: {parseResult.Errors[0].Message} (see --help)");
    return 2;
}
return parseResult.Invoke();
