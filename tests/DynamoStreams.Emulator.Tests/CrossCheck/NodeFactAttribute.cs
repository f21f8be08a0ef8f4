namespace DynamoStreams.Emulator.Tests.CrossCheck;

/// <summary>
/// A fact that needs Node.js and the packages of tests/node; it is skipped, saying why, when they are absent.
/// </summary>
public sealed class NodeFactAttribute : FactAttribute
{
    public NodeFactAttribute()
    {
        if (NodeRunner.FindNode() is null)
        {
            Skip = "Node.js is not on PATH: install Node 20+ to run the JavaScript SDK cross-check.";
        }
        else if (!Directory.Exists(Path.Combine(NodeRunner.NodePackagesDirectory, "node_modules", "@aws-sdk", "client-dynamodb")))
        {
            Skip = "tests/node has no node_modules: run 'npm ci' in tests/node to run the JavaScript SDK cross-check.";
        }
    }
}
