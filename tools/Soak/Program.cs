using SparkVideo.CommandLine;
using SparkVideo.Soak;

// Soak test of the SparkVideo job: see SoakCommand for the options and SoakRun for what is checked.
return ProgramCommandLine.Run(SoakCommand.Build(), args);
