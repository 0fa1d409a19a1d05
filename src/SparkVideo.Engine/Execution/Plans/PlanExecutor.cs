using System.Runtime.ExceptionServices;
using SparkVideo.Engine.Execution.Expressions;

namespace SparkVideo.Engine.Execution.Plans;

/// <summary>
/// Runs a plan over partitioned rows. Chains of Project/Filter are fused into one per-row pipeline that runs as one
/// task per partition, at most <c>parallelism</c> at a time; Repartition is the only point where rows move.
/// </summary>
internal sealed class PlanExecutor(int parallelism, CancellationToken cancellation)
{
    /// <param name="plan">The plan to run.</param>
    /// <param name="streamInput">The micro-batch's rows of each streaming source, for a streaming plan.</param>
    public IReadOnlyList<List<object?[]>> Execute(LogicalPlan plan, IReadOnlyDictionary<StreamingSourcePlan, List<object?[]>>? streamInput)
    {
        var steps = new Stack<Func<object?[], object?[]?>>();
        LogicalPlan node = plan;
        while (true)
        {
            if (node is ProjectPlan project)
            {
                steps.Push(Project(project.Columns));
            }
            else if (node is FilterPlan filter)
            {
                steps.Push(Filter(filter.Condition));
            }
            else
            {
                break;
            }
            node = ((UnaryPlan)node).Child;
        }
        IReadOnlyList<List<object?[]>> input = node switch
        {
            RepartitionPlan { PartitionBy.Length: > 0 } byHash => ByHash(byHash, Execute(byHash.Child, streamInput)),
            RepartitionPlan repartition => RoundRobin(repartition.NumPartitions, Execute(repartition.Child, streamInput)),
            UnionPlan union => [.. union.Children.SelectMany(child => Execute(child, streamInput))],
            LocalRelationPlan local => local.Partitions,
            // Each source gives one partition, as the project's notes describe; Repartition spreads them.
            StreamingSourcePlan source => streamInput?.TryGetValue(source, out List<object?[]>? rows) == true
                ? [rows]
                : throw new InvalidOperationException("A streaming plan needs its batch input."),
            _ => throw new NotSupportedException($"Cannot execute plan node {node.GetType().Name}"),
        };
        return steps.Count == 0 ? input : RunPipeline([.. steps], input);
    }

    private static Func<object?[], object?[]?> Project(Func<object?[], object?>[] columns) => row =>
    {
        var output = new object?[columns.Length];
        for (int i = 0; i < columns.Length; i++)
        {
            output[i] = columns[i](row);
        }
        return output;
    };

    private static Func<object?[], object?[]?> Filter(Func<object?[], object?> condition) =>
        row => condition(row) is true ? row : null;

    private List<object?[]>[] RunPipeline(Func<object?[], object?[]?>[] steps, IReadOnlyList<List<object?[]>> input)
    {
        var output = new List<object?[]>[input.Count];
        var withRows = new List<int>(input.Count);
        for (int p = 0; p < input.Count; p++)
        {
            if (input[p].Count > 0)
            {
                withRows.Add(p);
            }
            else
            {
                output[p] = [];
            }
        }
        void RunPartition(int p)
        {
            var rows = new List<object?[]>(input[p].Count);
            foreach (object?[] source in input[p])
            {
                cancellation.ThrowIfCancellationRequested();
                object?[]? row = source;
                for (int s = 0; s < steps.Length && row is not null; s++)
                {
                    row = steps[s](row);
                }
                if (row is not null)
                {
                    rows.Add(row);
                }
            }
            output[p] = rows;
        }
        // One partition with rows (a camera's frame, a small batch) runs on the query's thread: handing it to the
        // thread pool would cost a worker's wake-up per batch for nothing.
        if (withRows.Count == 1)
        {
            RunPartition(withRows[0]);
            return output;
        }
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = cancellation };
        try
        {
            Parallel.ForEach(withRows, options, RunPartition);
        }
        catch (AggregateException e)
        {
            Exception first = e.Flatten().InnerExceptions.FirstOrDefault(x => x is UdfFailureException)
                ?? e.Flatten().InnerExceptions[0];
            ExceptionDispatchInfo.Capture(first).Throw();
        }
        return output;
    }

    private static List<object?[]>[] ByHash(RepartitionPlan plan, IReadOnlyList<List<object?[]>> input)
    {
        int n = plan.NumPartitions;
        var output = Enumerable.Range(0, n).Select(_ => new List<object?[]>()).ToArray();
        foreach (object?[] row in input.SelectMany(p => p))
        {
            int hash = Murmur3Hash.Seed;
            foreach (Func<object?[], object?> expression in plan.PartitionBy)
            {
                hash = Murmur3Hash.Of(expression(row), hash);
            }
            output[Murmur3Hash.Partition(hash, n)].Add(row);
        }
        return output;
    }

    private static List<object?[]>[] RoundRobin(int n, IReadOnlyList<List<object?[]>> input)
    {
        int total = input.Sum(p => p.Count);
        var output = Enumerable.Range(0, n).Select(_ => new List<object?[]>(total / n + 1)).ToArray();
        int next = 0;
        foreach (object?[] row in input.SelectMany(p => p))
        {
            output[next].Add(row);
            next = (next + 1) % n;
        }
        return output;
    }
}
