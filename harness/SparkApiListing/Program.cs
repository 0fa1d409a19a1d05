using SparkVideo.SparkApi;

// SparkApiListing <listing.txt> <out.cs>: writes the stand-in's C# source for the listing.
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: SparkApiListing <listing.txt> <out.cs>");
    return 2;
}
var listing = ApiListing.Read(args[0]);
var source = StandInWriter.Write(listing, Path.GetFileName(args[0]));
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(args[1]))!);
// Written only when it changes, so an unchanged listing does not recompile the stand-in.
if (!File.Exists(args[1]) || File.ReadAllText(args[1]) != source)
{
    File.WriteAllText(args[1], source);
}
Console.WriteLine($"{args[1]}: {listing.Types.Count} types, {listing.Types.Sum(t => t.Members.Count)} members");
return 0;
