using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("DynamoStreams.Emulator.Tests")]
