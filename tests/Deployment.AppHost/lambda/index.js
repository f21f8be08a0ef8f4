// Deployed by the pipeline tests, never invoked: they stop at (or stand in for) the CDK CLI.
exports.handler = async () => ({ batchItemFailures: [] });
