using SparkVideo.CommandLine;
using SparkVideo.RemoveBackground;
using SparkVideo.Vision.Native;

NativeAllocatorTuning.Apply();

return ProgramCommandLine.Run(RemoveBackgroundCommand.Create(), args);
