using SparkVideo.Job;

// SparkVideo's Structured Streaming driver. The query itself lives in SparkVideoJob.cs.
return JobCommandLine.Build(SparkVideoJob.Run).Parse(args).Invoke();
