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
    /// <param name="streamInput">The micro-batch's source rows, for a streaming plan.</param>
    public IReadOnlyList<List<object?[]>> Execute(LogicalPlan plan, IReadOnlyList<List<object?[]>>? streamInput)
    {
        var narrow = new Stack<LogicalPlan>();
        LogicalPlan node = plan;
        while (node is ProjectPlan or FilterPlan)
        {
            narrow.Push(node);
            node = node.Child!;
        }
        IReadOnlyList<List<object?[]>> input = node switch
        {
            RepartitionPlan repartition => Shuffle(repartition, Execute(repartition.ChildPlan, streamInput)),
            LocalRelationPlan local => local.Partitions,
            StreamingSourcePlan => streamInput ?? throw new InvalidOperationException("A streaming plan needs its batch input."),
            _ => throw new NotSupportedException($"Cannot execute plan node {node.Describe()}"),
        };
        return narrow.Count == 0 ? input : RunPipeline(Compile(narrow), input);
    }

    private static Func<object?[], object?[]?>[] Compile(Stack<LogicalPlan> narrow) =>
        narrow.Select<LogicalPlan, Func<object?[], object?[]?>>(step => step switch
        {
            ProjectPlan project => CompileProject(project),
            FilterPlan filter => CompileFilter(filter),
            _ => throw new InvalidOperationException(),
        }).ToArray();

    private static Func<object?[], object?[]?> CompileProject(ProjectPlan project)
    {
        Func<object?[], object?>[] columns = project.Expressions.Select(e => e.Bind(project.ChildPlan.Schema).Evaluate).ToArray();
        return row =>
        {
            var output = new object?[columns.Length];
            for (int i = 0; i < columns.Length; i++)
            {
                output[i] = columns[i](row);
            }
            return output;
        };
    }

    private static Func<object?[], object?[]?> CompileFilter(FilterPlan filter)
    {
        Func<object?[], object?> condition = BooleanOperand.Bind(filter.Condition, filter.ChildPlan.Schema);
        return row => condition(row) is true ? row : null;
    }

    private List<object?[]>[] RunPipeline(Func<object?[], object?[]?>[] steps, IReadOnlyList<List<object?[]>> input)
    {
        var output = new List<object?[]>[input.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = cancellation };
        try
        {
            Parallel.For(0, input.Count, options, p =>
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
            });
        }
        catch (AggregateException e)
        {
            Exception first = e.Flatten().InnerExceptions.FirstOrDefault(x => x is UdfFailureException)
                ?? e.Flatten().InnerExceptions[0];
            ExceptionDispatchInfo.Capture(first).Throw();
        }
        return output;
    }

    private static List<object?[]>[] Shuffle(RepartitionPlan repartition, IReadOnlyList<List<object?[]>> input)
    {
        int n = repartition.NumPartitions;
        int total = input.Sum(p => p.Count);
        var output = Enumerable.Range(0, n).Select(_ => new List<object?[]>(total / n + 1)).ToArray();
        if (repartition.Keys.Count == 0)
        {
            int next = 0;
            foreach (object?[] row in input.SelectMany(p => p))
            {
                output[next].Add(row);
                next = (next + 1) % n;
            }
            return output;
        }
        Func<object?[], object?>[] keys = repartition.Keys.Select(k => k.Bind(repartition.ChildPlan.Schema).Evaluate).ToArray();
        foreach (object?[] row in input.SelectMany(p => p))
        {
            var hash = new HashCode();
            foreach (Func<object?[], object?> key in keys)
            {
                hash.Add(key(row));
            }
            output[(int)((uint)hash.ToHashCode() % (uint)n)].Add(row);
        }
        return output;
    }
}
