/**
 * AWS clients for replay, configured the standard way: credentials, profile and region from the SDK's
 * default chain (AWS_PROFILE, ~/.aws/config, AWS_REGION…), endpoints from `AWS_ENDPOINT_URL_S3` /
 * `AWS_ENDPOINT_URL_FIREHOSE`, else `AWS_ENDPOINT_URL`. A custom S3 endpoint (MinIO, LocalStack, moto)
 * gets path-style addressing, since those rarely serve virtual-hosted bucket names.
 */
import { FirehoseClient } from '@aws-sdk/client-firehose';
import { S3Client } from '@aws-sdk/client-s3';

type Env = Record<string, string | undefined>;

function nonEmpty(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value.trim() : undefined;
}

/** The endpoint for `service` (`S3`, `FIREHOSE`) from the environment, or undefined for the AWS default. */
export function endpointFor(env: Env, service: 'S3' | 'FIREHOSE'): string | undefined {
  return nonEmpty(env[`AWS_ENDPOINT_URL_${service}`]) ?? nonEmpty(env.AWS_ENDPOINT_URL);
}

function regionOf(env: Env): { region?: string } {
  const region = nonEmpty(env.AWS_REGION) ?? nonEmpty(env.AWS_DEFAULT_REGION);
  return region !== undefined ? { region } : {};
}

export function s3Client(env: Env): S3Client {
  const endpoint = endpointFor(env, 'S3');
  return new S3Client({
    ...regionOf(env),
    ...(endpoint !== undefined ? { endpoint, forcePathStyle: true } : {}),
    // A trail bucket often lives in another region than the profile's.
    followRegionRedirects: true,
  });
}

export function firehoseClient(env: Env): FirehoseClient {
  const endpoint = endpointFor(env, 'FIREHOSE');
  return new FirehoseClient({ ...regionOf(env), ...(endpoint !== undefined ? { endpoint } : {}) });
}
