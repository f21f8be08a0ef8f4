using Amazon.CDK;
using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.DynamoStreams.Cdk;

/// <summary>Builds the CDK app and stacks for the <c>AddDynamoStreamsLambda</c> declarations of an AppHost.</summary>
public static class DynamoStreamsStackBuilder
{
    /// <summary>Adds the stack of <paramref name="pattern"/> to <paramref name="app"/>.</summary>
    /// <param name="app">The CDK app; its output directory receives the cloud assembly on <c>Synth()</c>.</param>
    /// <param name="pattern">The declaration.</param>
    /// <param name="options">The handler's packaged code and the stack's settings; required for a .NET handler.</param>
    /// <returns>The stack.</returns>
    /// <exception cref="InvalidOperationException">The declaration needs something the options do not give.</exception>
    public static DynamoStreamsStack AddStack(App app, DynamoStreamsLambdaResource pattern, DynamoStreamsStackOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(pattern);
        return new DynamoStreamsStack(app, pattern, options ?? new DynamoStreamsStackOptions());
    }

    /// <summary>
    /// Adds the stacks of <paramref name="patterns"/> to <paramref name="app"/>, the owner of a shared table
    /// (<c>WithExistingTable(otherPattern)</c>) before its consumers, which import its table through cross-stack references.
    /// </summary>
    /// <param name="app">The CDK app.</param>
    /// <param name="patterns">The declarations; a shared table's owner must be among them.</param>
    /// <param name="options">Gives each pattern's packaged code and stack settings; defaults when null.</param>
    /// <returns>The stacks, owners first.</returns>
    /// <exception cref="InvalidOperationException">A pattern shares the table of a pattern not in <paramref name="patterns"/>, or needs options not given.</exception>
    public static IReadOnlyList<DynamoStreamsStack> AddStacks(
        App app, IEnumerable<DynamoStreamsLambdaResource> patterns, Func<DynamoStreamsLambdaResource, DynamoStreamsStackOptions>? options = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(patterns);
        var stacks = new Dictionary<DynamoStreamsLambdaResource, DynamoStreamsStack>();
        foreach (var pattern in OwnersFirst(patterns))
        {
            var stackOptions = options?.Invoke(pattern) ?? new DynamoStreamsStackOptions();
            if (pattern.ExistingTable?.Pattern is { } owner)
            {
                stackOptions.ExistingTableStack = stacks.GetValueOrDefault(owner);
            }

            stacks[pattern] = new DynamoStreamsStack(app, pattern, stackOptions);
        }

        return [.. stacks.Values];
    }

    /// <summary>Orders patterns so that the owner of a shared table comes before the patterns that read it.</summary>
    /// <param name="patterns">The declarations.</param>
    /// <returns>The declarations, owners first, otherwise in their given order.</returns>
    public static IReadOnlyList<DynamoStreamsLambdaResource> OwnersFirst(IEnumerable<DynamoStreamsLambdaResource> patterns)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        var given = patterns.ToList();
        var ordered = new List<DynamoStreamsLambdaResource>(given.Count);
        foreach (var pattern in given)
        {
            Visit(pattern, given, ordered, depth: 0);
        }

        return ordered;
    }

    private static void Visit(DynamoStreamsLambdaResource pattern, List<DynamoStreamsLambdaResource> given, List<DynamoStreamsLambdaResource> ordered, int depth)
    {
        if (ordered.Contains(pattern))
        {
            return;
        }

        if (depth > given.Count)
        {
            throw new InvalidOperationException($"The pattern '{pattern.Name}' is part of a cycle of WithExistingTable(pattern) references: one pattern must create the table.");
        }

        if (pattern.ExistingTable?.Pattern is { } owner && given.Contains(owner))
        {
            Visit(owner, given, ordered, depth + 1);
        }

        ordered.Add(pattern);
    }

    /// <summary>Creates a CDK app writing to <paramref name="outputDirectory"/> with the stack of <paramref name="pattern"/>.</summary>
    /// <param name="outputDirectory">The cloud assembly's folder.</param>
    /// <param name="pattern">The declaration.</param>
    /// <param name="options">The handler's packaged code and the stack's settings; required for a .NET handler.</param>
    /// <returns>The stack; <c>stack.Node.Root</c> is the app.</returns>
    public static DynamoStreamsStack Build(string outputDirectory, DynamoStreamsLambdaResource pattern, DynamoStreamsStackOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(outputDirectory);
        var app = new App(new AppProps { Outdir = outputDirectory });
        return AddStack(app, pattern, options);
    }
}
