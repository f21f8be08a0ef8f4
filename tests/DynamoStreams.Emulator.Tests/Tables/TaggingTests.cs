using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using DynamoStreams.Emulator.Tests.Infrastructure;

namespace DynamoStreams.Emulator.Tests.Tables;

/// <summary>TagResource, UntagResource and ListTagsOfResource: how each checks its ResourceArn, in DynamoDB's order.</summary>
public sealed class TaggingTests : IClassFixture<EmulatorFixture>
{
    private const string Arn = "arn:aws:dynamodb:us-east-1:000000000000:table/";

    private readonly EmulatorFixture _fixture;

    public TaggingTests(EmulatorFixture fixture)
    {
        _fixture = fixture;
    }

    private AmazonDynamoDBClient Client => _fixture.Client;

    private static List<Tag> OneTag => [new Tag { Key = "a", Value = "b" }];

    public static TheoryData<string, string> DeniedArns => new()
    {
        { string.Empty, "*" },
        { "abcd", "abcd" },
        { "a:b:c:d:e:f", "a:b:c:d:e:f" },
        { "a:b:c:d:e/f", "a:b:c:d:e/f" },
    };

    [Theory]
    [MemberData(nameof(DeniedArns))]
    public async Task AnyTaggingOperation_ArnNamingNoResource_IsAccessDenied(string arn, string resource)
    {
        // observed: dynalite suite tagResource.js / untagResource.js / listTagsOfResource.js 'should return
        // AccessDeniedException for empty ResourceArn' (and the short, long and longer unauthorized ARNs)
        var tag = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => Client.TagResourceAsync(new TagResourceRequest { ResourceArn = arn, Tags = OneTag }));
        var untag = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => Client.UntagResourceAsync(new UntagResourceRequest { ResourceArn = arn, TagKeys = ["a"] }));
        var list = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => Client.ListTagsOfResourceAsync(new ListTagsOfResourceRequest { ResourceArn = arn }));
        foreach (var (error, operation) in new[] { (tag, "TagResource"), (untag, "UntagResource"), (list, "ListTagsOfResource") })
        {
            Assert.Equal("AccessDeniedException", error.ErrorCode);
            Assert.Equal($"User: arn:aws:iam::000000000000:root is not authorized to perform: dynamodb:{operation} on resource: {resource}", error.Message);
        }
    }

    [Fact]
    public async Task TagResource_NoArn_IsInvalidTableArnBeforeTheMissingTags()
    {
        // observed: dynalite suite tagResource.js 'should return ValidationException for no ResourceArn'
        var error = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => Client.TagResourceAsync(new TagResourceRequest()));
        Assert.Equal("Invalid TableArn", error.Message);
    }

    [Fact]
    public async Task TagResource_ResourceArnWithoutTags_ReportsTheNullTagsFirst()
    {
        // observed: dynalite suite tagResource.js 'should return ValidationException for null Tags'
        var error = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => Client.TagResourceAsync(new TagResourceRequest { ResourceArn = "a:b:c:d:e:f/g" }));
        Assert.Equal("1 validation error detected: Value null at 'tags' failed to satisfy constraint: Member must not be null", error.Message);
    }

    [Theory]
    [InlineData("a:b:c:d:e:f/g")]
    [InlineData(Arn + "ab")]
    public async Task AnyTaggingOperation_NotATableArn_IsInvalidTableArn(string arn)
    {
        // observed: dynalite suite tagResource.js 'should return ValidationException for invalid ResourceArn' and
        // 'for short table name' (a table name has 3 to 255 characters)
        var tag = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => Client.TagResourceAsync(new TagResourceRequest { ResourceArn = arn, Tags = [] }));
        var list = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => Client.ListTagsOfResourceAsync(new ListTagsOfResourceRequest { ResourceArn = arn }));
        Assert.Equal("Invalid TableArn: Invalid ResourceArn provided as input " + arn, tag.Message);
        Assert.Equal(tag.Message, list.Message);
    }

    [Fact]
    public async Task TagAndUntag_EmptyLists_AreRejectedBeforeTheTableIsLookedUp()
    {
        // observed: dynalite suite tagResource.js 'should return ResourceNotFoundException if Tags are empty' (a
        // ValidationException despite the title) and untagResource.js '... if TagKeys are empty'
        var arn = Arn + "no-such-table";
        var tag = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => Client.TagResourceAsync(new TagResourceRequest { ResourceArn = arn, Tags = [] }));
        var untag = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => Client.UntagResourceAsync(new UntagResourceRequest { ResourceArn = arn, TagKeys = [] }));
        Assert.Equal("Atleast one Tag needs to be provided as Input.", tag.Message);
        Assert.Equal("Atleast one Tag Key needs to be provided as Input.", untag.Message);
    }

    [Fact]
    public async Task AnyTaggingOperation_MissingTable_IsResourceNotFoundInEachOperationsWords()
    {
        // observed: dynalite suite tagResource.js / untagResource.js / listTagsOfResource.js 'should return
        // ResourceNotFoundException if ResourceArn does not exist' (UntagResource alone names nothing)
        var arn = Arn + "no-such-table";
        var tag = await Assert.ThrowsAsync<ResourceNotFoundException>(() => Client.TagResourceAsync(new TagResourceRequest { ResourceArn = arn, Tags = OneTag }));
        var untag = await Assert.ThrowsAsync<ResourceNotFoundException>(() => Client.UntagResourceAsync(new UntagResourceRequest { ResourceArn = arn, TagKeys = ["a"] }));
        var list = await Assert.ThrowsAsync<ResourceNotFoundException>(() => Client.ListTagsOfResourceAsync(new ListTagsOfResourceRequest { ResourceArn = arn }));
        Assert.Equal($"Requested resource not found: ResourcArn: {arn} not found", tag.Message);
        Assert.Equal("Requested resource not found", untag.Message);
        Assert.Equal(tag.Message, list.Message);
    }
}
