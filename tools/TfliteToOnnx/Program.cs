using SparkVideo.CommandLine;
using SparkVideo.TfliteToOnnx;

return ProgramCommandLine.Run(ConvertCommand.Create(), args);
