import { endpointFor, s3Client } from '../../../cli/replay/aws-clients';

describe('endpointFor', () => {
  test('prefers the service-specific variable, then AWS_ENDPOINT_URL', () => {
    expect(endpointFor({ AWS_ENDPOINT_URL: 'http://all', AWS_ENDPOINT_URL_S3: 'http://s3' }, 'S3')).toBe('http://s3');
    expect(endpointFor({ AWS_ENDPOINT_URL: 'http://all' }, 'FIREHOSE')).toBe('http://all');
    expect(endpointFor({ AWS_ENDPOINT_URL_FIREHOSE: ' ' }, 'FIREHOSE')).toBeUndefined();
  });
});

describe('s3Client', () => {
  test('a custom endpoint gets path-style addressing; the AWS default keeps virtual-hosted names', async () => {
    const custom = s3Client({ AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:9000', AWS_REGION: 'eu-west-1' });
    expect(custom.config.forcePathStyle).toBe(true);
    expect((await custom.config.endpoint!()).hostname).toBe('127.0.0.1');
    expect(s3Client({ AWS_REGION: 'eu-west-1' }).config.forcePathStyle).toBe(false);
  });
});
