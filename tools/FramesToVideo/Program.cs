using SparkVideo.CommandLine;
using SparkVideo.FramesToVideo;
using SparkVideo.Native;

OpenCvNativeResolver.Install();

return ProgramCommandLine.Run(FramesToVideoCommand.Create(), args, NativeLibraryCheck.OpenCv);
