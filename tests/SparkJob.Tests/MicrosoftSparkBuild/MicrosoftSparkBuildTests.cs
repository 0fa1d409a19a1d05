namespace SparkVideo.Job.Tests.MicrosoftSparkBuild;

/// <summary>
/// The job as users submit it to Spark: built with -p:SparkBackend=Microsoft.Spark against the reference-only stand-in
/// of Microsoft.Spark 2.3.1's public API (harness/MicrosoftSparkStandIn), because the package cannot be restored here.
/// It proves the job compiles against that API; it cannot prove that the job runs on a JVM.
/// </summary>
public sealed class MicrosoftSparkBuildTests(JobSourceCopy copy) : IClassFixture<JobSourceCopy>
{
    /// <summary>C# names that Microsoft.Spark's Functions (Array, Count, Max, When, ...) and namespaces (Row, Date, Timestamp, Window) also use.</summary>
    private const string OrdinaryNames = """
        namespace SparkVideo.Job.Retention;

        internal static class OrdinaryNames
        {
            public static string[] Nothing => Array.Empty<string>();

            public static int Count(IEnumerable<int> values) => values.Count();

            public static int Max(int a, int b) => Math.Max(a, b);

            public static string When(bool condition) => condition ? "now" : "later";

            public static DateTime Timestamp => DateTime.UnixEpoch;

            public static DateOnly Date => DateOnly.MinValue;

            public static object Row(params object[] values) => values;

            public static int Window => Array.IndexOf(Nothing, "") + Count([1, 2]) + Max(1, 2);
        }

        """;

    [Fact]
    public void The_job_compiles_against_the_public_API_of_Microsoft_Spark_2_3_1()
    {
        var build = copy.Build(microsoftSpark: true);

        Assert.True(build.ExitCode == 0, build.ToString());
    }

    [Fact]
    public void A_file_outside_the_query_uses_names_that_Spark_also_uses_and_compiles_on_both_backends()
    {
        copy.AddJobFile("Retention/OrdinaryNames.cs", OrdinaryNames);
        try
        {
            var embedded = copy.Build(microsoftSpark: false);
            var microsoftSpark = copy.Build(microsoftSpark: true);

            Assert.True(embedded.ExitCode == 0, embedded.ToString());
            Assert.True(microsoftSpark.ExitCode == 0, microsoftSpark.ToString());
        }
        finally
        {
            copy.RemoveJobFile("Retention/OrdinaryNames.cs");
        }
    }

    [Fact]
    public void The_check_fails_on_a_member_that_Microsoft_Spark_2_3_1_lacks_and_on_Sparks_Functions_hiding_Array()
    {
        // What broke the submitted build once (CS0119: Functions.Array hides System.Array where Functions is imported),
        // and a member the engine could offer but Spark's .NET API does not (StreamingQuery has no LastProgress there).
        copy.AddJobFile("BrokenForSpark.cs", """
            #if MICROSOFT_SPARK
            using Microsoft.Spark.Sql.Streaming;
            using static Microsoft.Spark.Sql.Functions;

            namespace SparkVideo.Job;

            internal static class BrokenForSpark
            {
                public static string[] Nothing => Array.Empty<string>();

                public static object Progress(StreamingQuery query) => query.LastProgress;
            }
            #endif

            """);
        try
        {
            var build = copy.Build(microsoftSpark: true);

            Assert.NotEqual(0, build.ExitCode);
            Assert.Equal(2, build.Errors.Count);
            Assert.Contains(build.Errors, e => e.Contains("BrokenForSpark.cs(9,", StringComparison.Ordinal) && e.Contains("CS0119", StringComparison.Ordinal));
            Assert.Contains(build.Errors, e => e.Contains("BrokenForSpark.cs(11,", StringComparison.Ordinal) && e.Contains("CS1061", StringComparison.Ordinal));
        }
        finally
        {
            copy.RemoveJobFile("BrokenForSpark.cs");
        }
    }
}
