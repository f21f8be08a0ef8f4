Console.WriteLine("Handler.Sample: the handler arrives with the local Lambda runtime issue.");
