Console.WriteLine("DynamoStreams.Emulator: the server arrives with the emulator issue.");
