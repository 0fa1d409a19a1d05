using SparkVideo.CommandLine;
using SparkVideo.Job;

// SparkVideo's Structured Streaming driver. The query itself lives in SparkVideoJob.cs.
return ProgramCommandLine.Run(JobCommandLine.Build(SparkVideoJob.Run), args);
