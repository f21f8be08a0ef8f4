using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;
using Microsoft.Extensions.Configuration;

namespace Aspire.Hosting.DynamoStreams.Cdk.AwsRunMode;

/// <summary>
/// Resolves the developer's AWS credentials for the AppHost's own calls to AWS (the local handler's stream reads and
/// dead-letter sends) the way the AWS SDKs do: the configured profile, else the AppHost's <c>AWS_ACCESS_KEY_ID</c> /
/// <c>AWS_SECRET_ACCESS_KEY</c> / <c>AWS_SESSION_TOKEN</c>, else AWSSDK.Core's default chain.
/// </summary>
internal static class AwsCredentialResolver
{
    /// <summary>The start of every failure message, the same name as the deploy's failure state.</summary>
    public const string FailurePrefix = "No AWS credentials";

    /// <summary>
    /// Resolves the credentials and obtains them once, so that a missing, expired or unreadable source fails at start.
    /// </summary>
    /// <param name="configuration">The AppHost configuration (it includes the environment variables).</param>
    /// <param name="profile">The profile of <c>DynamoStreams:Aws:Profile</c> / <c>AWS_PROFILE</c>, or null for the default chain.</param>
    /// <param name="cancellationToken">Cancels the first retrieval.</param>
    /// <returns>The credentials.</returns>
    /// <exception cref="DistributedApplicationException">No credentials could be resolved; the message says what to do.</exception>
    public static async Task<AWSCredentials> ResolveAsync(IConfiguration configuration, string? profile, CancellationToken cancellationToken)
    {
        var credentials = Find(configuration, profile, out var source);
        try
        {
            var immutable = await credentials.GetCredentialsAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
            if (string.IsNullOrEmpty(immutable.AccessKey))
            {
                throw new InvalidOperationException("the resolved credentials have no access key");
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not DistributedApplicationException)
        {
            throw Fail($"the credentials of {source} could not be obtained ({ex.Message}). "
                + (profile is null ? "Refresh them, or set DynamoStreams:Aws:Profile." : $"For an SSO profile run 'aws sso login --profile {profile}'; otherwise check the profile."));
        }

        return credentials;
    }

    private static AWSCredentials Find(IConfiguration configuration, string? profile, out string source)
    {
        if (profile is not null)
        {
            var file = NullIfEmpty(configuration["AWS_SHARED_CREDENTIALS_FILE"]);
            var chain = file is null ? new CredentialProfileStoreChain() : new CredentialProfileStoreChain(file);
            source = $"profile '{profile}'";
            return chain.TryGetAWSCredentials(profile, out var fromProfile)
                ? fromProfile
                : throw Fail($"the profile '{profile}' (DynamoStreams:Aws:Profile or AWS_PROFILE) was not found in {file ?? "~/.aws/credentials or ~/.aws/config"}. "
                    + $"Create it with 'aws configure --profile {profile}' (or 'aws configure sso'), or set DynamoStreams:Aws:Profile to an existing profile.");
        }

        var key = NullIfEmpty(configuration["AWS_ACCESS_KEY_ID"]);
        var secret = NullIfEmpty(configuration["AWS_SECRET_ACCESS_KEY"]);
        if (key is not null || secret is not null)
        {
            source = "AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY";
            if (key is null || secret is null)
            {
                throw Fail($"{(key is null ? "AWS_ACCESS_KEY_ID" : "AWS_SECRET_ACCESS_KEY")} is not set while {(key is null ? "AWS_SECRET_ACCESS_KEY" : "AWS_ACCESS_KEY_ID")} is. Set both, or neither and use a profile.");
            }

            return NullIfEmpty(configuration["AWS_SESSION_TOKEN"]) is { } token ? new SessionAWSCredentials(key, secret, token) : new BasicAWSCredentials(key, secret);
        }

        source = "the default credential chain";
        try
        {
            return DefaultAWSCredentialsIdentityResolver.GetCredentials();
        }
        catch (AmazonClientException ex)
        {
            throw Fail($"none were found by the AWS SDK's default chain (environment variables, the 'default' profile, SSO, container or instance credentials): {ex.Message} "
                + "Run 'aws configure' or 'aws sso login', or set DynamoStreams:Aws:Profile.");
        }
    }

    private static DistributedApplicationException Fail(string reason) =>
        new($"{FailurePrefix}: the local handler reads the real stream with your AWS credentials, but {reason}");

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
