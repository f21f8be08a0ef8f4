using DynamoStreams.LocalLambda.Processes;

namespace DynamoStreams.LocalLambda.Tests.Processes;

public sealed class HandlerInfoTests
{
    [Fact]
    public void Parse_ThreeParts_ReturnsAssemblyTypeAndMethod()
    {
        // spec C.4, C.5 #8
        var info = HandlerInfo.Parse("MyApp::MyApp.Function::Handler");
        Assert.Equal(new HandlerInfo("MyApp", "MyApp.Function", "Handler"), info);
    }

    [Theory]
    [InlineData("MyApp::Handler", "Invalid lambda function handler: 'MyApp::Handler'. The valid format is 'ASSEMBLY::TYPE::METHOD'.")]
    [InlineData("a::b::c::d", "Invalid lambda function handler: 'a::b::c::d'. The valid format is 'ASSEMBLY::TYPE::METHOD'.")]
    [InlineData("::T::M", "Invalid lambda function handler: '::T::M', the assembly is missing. The valid format is 'ASSEMBLY::TYPE::METHOD'.")]
    [InlineData("A::::M", "Invalid lambda function handler: 'A::::M', the type is missing. The valid format is 'ASSEMBLY::TYPE::METHOD'.")]
    [InlineData("A::T::", "Invalid lambda function handler: 'A::T::', the method is missing. The valid format is 'ASSEMBLY::TYPE::METHOD'.")]
    [InlineData("", "Empty lambda function handler. The valid format is 'ASSEMBLY::TYPE::METHOD'.")]
    public void Parse_Malformed_ThrowsLambdaExceptionWithRuntimeSupportMessage(string handler, string message)
    {
        // spec C.4: otherwise an init validation error
        var exception = Assert.Throws<FunctionInitException>(() => HandlerInfo.Parse(handler));
        Assert.Equal("LambdaException", exception.ErrorType);
        Assert.Equal(message, exception.Message);
    }
}
