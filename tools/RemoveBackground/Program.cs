using SparkVideo.CommandLine;
using SparkVideo.RemoveBackground;
using SparkVideo.Vision;

NativeAllocatorTuning.Apply();

return ProgramCommandLine.Run(RemoveBackgroundCommand.Create(), args);
