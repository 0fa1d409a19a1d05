namespace SparkVideo.Engine.Sql;

/// <summary>Builds or returns the SparkSession.</summary>
public sealed class Builder
{
    private string _master = "local[*]";

    internal Builder()
    {
    }

    /// <summary>local, local[N] or local[*] (the default when not set); read when the session is created.</summary>
    public Builder Master(string master)
    {
        _master = master ?? throw new ArgumentNullException(nameof(master));
        return this;
    }

    /// <summary>Accepted for the API's sake: the engine has no UI or event log that would show the name.</summary>
    public Builder AppName(string appName)
    {
        ArgumentNullException.ThrowIfNull(appName);
        return this;
    }

    /// <summary>The active session, or a new one on this builder's master.</summary>
    public SparkSession GetOrCreate() => SparkSession.GetOrCreate(_master);
}
