using SparkVideo.TfliteToOnnx;

return ConvertCommand.Create().Parse(args).Invoke();
