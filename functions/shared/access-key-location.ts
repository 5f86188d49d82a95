/**
 * Where a user finds the Firehose access key: OpenObserve's AWS integration guides
 * (openobserve-docs/docs/integration/aws/cognito.md) say to open Data Sources → Recommended → AWS and copy the Access Key,
 * standard base64 of `user:passcode` (docs/reference/openobserve-firehose-ingestion.md#authentication).
 * Every message that sends the user to fetch the key names it with these words, so that check-endpoint,
 * install-pack, the deploy-time check, replay, the README and docs/deploy.md agree.
 */
export const ACCESS_KEY_LOCATION = 'the Access Key under Data Sources → Recommended → AWS in OpenObserve (base64 of user:passcode)';
