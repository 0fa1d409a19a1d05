using SparkVideo.RemoveBackground;

return RemoveBackgroundCommand.Create().Parse(args).Invoke();
