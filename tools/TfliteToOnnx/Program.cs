using SparkVideo.CommandLine;
using SparkVideo.Native;
using SparkVideo.TfliteToOnnx;

OpenCvNativeResolver.Install(); // calibration reads frames with OpenCV
return ProgramCommandLine.Run(ConvertCommand.Create(), args);
