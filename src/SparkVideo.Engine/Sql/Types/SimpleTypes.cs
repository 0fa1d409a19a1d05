namespace SparkVideo.Engine.Sql.Types;

/// <summary>Every type that is not null, array, map or struct.</summary>
public abstract class AtomicType : DataType
{
}

public abstract class NumericType : AtomicType
{
}

public abstract class IntegralType : NumericType
{
}

public abstract class FractionalType : NumericType
{
}

/// <summary>The type of a null literal.</summary>
public sealed class NullType : DataType
{
}

public sealed class StringType : AtomicType
{
}

public sealed class BooleanType : AtomicType
{
}

/// <summary>A point in time; the engine holds it as a <see cref="DateTime"/> in UTC.</summary>
public sealed class TimestampType : AtomicType
{
}

public sealed class DoubleType : FractionalType
{
}

public sealed class FloatType : FractionalType
{
}

public sealed class IntegerType : IntegralType
{
}

public sealed class LongType : IntegralType
{
}
