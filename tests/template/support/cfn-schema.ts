import { spawnSync } from 'node:child_process';
import { TOOL_PATH } from '../../helpers/external-tools';

/**
 * A property's constraints from the CloudFormation resource schemas that cfn-lint ships (the registry's
 * provider schemas, us-east-1), e.g. AWS::KinesisFirehose::DeliveryStream HttpEndpointConfiguration.Url
 * → { type: 'string', minLength: 1, maxLength: 1000, pattern: '^https://' }.
 */
export function cfnSchemaProperty(resourceType: string, definition: string, property: string): Record<string, unknown> {
  const script = [
    'import json, sys',
    'from cfnlint.schema import PROVIDER_SCHEMA_MANAGER',
    "schema = PROVIDER_SCHEMA_MANAGER.get_resource_schema('us-east-1', sys.argv[1]).schema",
    "print(json.dumps(schema['definitions'][sys.argv[2]]['properties'][sys.argv[3]]))",
  ].join('\n');
  const result = spawnSync('python3', ['-c', script, resourceType, definition, property], { env: { ...process.env, PATH: TOOL_PATH }, encoding: 'utf8', timeout: 60_000 });
  if (result.status !== 0) throw new Error(`cfn-lint's schema has no ${resourceType} ${definition}.${property}: ${result.stderr}`);
  return JSON.parse(result.stdout) as Record<string, unknown>;
}
