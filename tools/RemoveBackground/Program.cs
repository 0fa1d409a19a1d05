using SparkVideo.RemoveBackground;
using SparkVideo.Vision;

NativeAllocatorTuning.Apply();

return RemoveBackgroundCommand.Create().Parse(args).Invoke();
