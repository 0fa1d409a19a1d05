namespace SparkVideo.Engine.Sql.Types;

public sealed class StringType : DataType
{
}

public sealed class DoubleType : DataType
{
}

public sealed class IntegerType : DataType
{
}

/// <summary>The type of a filter condition and of a UDF returning bool; the job never names it.</summary>
internal sealed class BooleanType : DataType
{
}
