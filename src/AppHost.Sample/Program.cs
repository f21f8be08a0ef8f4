Console.WriteLine("AppHost.Sample has nothing to run yet: the Aspire integration (AddDynamoStreamsLambda) lands with its own issue.");
