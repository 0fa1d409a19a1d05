using System.Text.Json;
using WorkerStandIn;
using WorkerStandIn.Serialization;

// Usage: WorkerStandIn <udf payload file> <arguments json file>
// Rebuilds one UDF from the payload the way the Microsoft.Spark worker does, calls it once with the arguments
// (a JSON array) and prints "result: <value>". Any failure prints its exception chain and exits 1.
if (args.Length != 2 || args[0] is "--help" or "-h")
{
    Console.Error.WriteLine("usage: WorkerStandIn <udf payload file> <arguments json file>");
    return args.Length == 1 && args[0] is "--help" or "-h" ? 0 : 2;
}

try
{
    var search = new AssemblySearch(Environment.GetEnvironmentVariable(AssemblySearch.SearchPathsVariable));
    search.InstallResolvingHook();
    var description = UdfPayload.Read(File.ReadAllBytes(args[0]));
    var udf = UdfRebuilder.Rebuild(description, search.LoadType);
    var parameters = udf.Method.GetParameters();
    using var json = JsonDocument.Parse(File.ReadAllText(args[1]));
    var values = json.RootElement.EnumerateArray().ToArray();
    if (values.Length != parameters.Length)
    {
        throw new ArgumentException($"the UDF takes {parameters.Length} arguments, the file has {values.Length}");
    }
    var arguments = parameters.Select((p, i) => values[i].Deserialize(p.ParameterType)).ToArray();
    Console.WriteLine($"result: {udf.DynamicInvoke(arguments)}");
    return 0;
}
catch (Exception ex)
{
    for (var e = ex; e is not null; e = e.InnerException)
    {
        Console.Error.WriteLine($"{e.GetType().FullName}: {e.Message}");
    }
    return 1;
}
