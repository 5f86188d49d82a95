import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Capability } from '@aws-sdk/client-cloudformation';
import { describeWithTool } from '../helpers/external-tools';
import {
  botocoreEnum,
  botocoreMemberDocumentation,
  type CapabilityUse,
  capabilityUsesInMarkdown,
  capabilityUsesInSamconfig,
  resourceTypesRequiring,
} from './support/deploy-commands';
import { generatedDocs } from '../helpers/generated-docs';
import { rawTemplate, ROOT } from './support/template-fixture';

/**
 * Every capability list the project gives users must be one the receiving API accepts. CloudFormation's
 * CreateChangeSet/CreateStack take only the `Capability` enum of its API model; CAPABILITY_RESOURCE_POLICY
 * exists only in the Serverless Application Repository's API (CreateCloudFormationChangeSet).
 */
const SAMCONFIG = readFileSync(path.join(ROOT, 'samconfig.toml'), 'utf8');
const template = rawTemplate();
const CLOUDFORMATION_CAPABILITIES: readonly string[] = Object.values(Capability);

const uses = (): CapabilityUse[] => [...capabilityUsesInSamconfig(SAMCONFIG), ...generatedDocs().flatMap((doc) => capabilityUsesInMarkdown(doc.text, doc.file))];
const cloudFormationUses = (): CapabilityUse[] => uses().filter((use) => use.target === 'cloudformation');
const resourceTypes = new Set(Object.values(template.Resources).map((resource) => resource.Type));
const notIn = (allowed: readonly string[]) => (use: CapabilityUse): string[] =>
  use.capabilities.filter((capability) => !allowed.includes(capability)).map((capability) => `${capability} in ${use.where}`);

describe('deploy capabilities', () => {
  test('finds the capability lists: samconfig.toml, and the sam deploy and SAR commands of docs/deploy.md', () => {
    expect(capabilityUsesInSamconfig(SAMCONFIG)).toHaveLength(1);
    expect(cloudFormationUses().filter((use) => use.where.startsWith('docs/deploy.md'))).not.toEqual([]);
    expect(uses().filter((use) => use.target === 'serverlessrepo')).not.toEqual([]);
  });

  test('every capability passed to CloudFormation is in its API\'s Capability enum (AWS SDK model)', () => {
    expect(CLOUDFORMATION_CAPABILITIES).toEqual(expect.arrayContaining(['CAPABILITY_IAM', 'CAPABILITY_NAMED_IAM', 'CAPABILITY_AUTO_EXPAND']));
    expect(cloudFormationUses().flatMap(notIn(CLOUDFORMATION_CAPABILITIES))).toEqual([]);
  });

  test('every CloudFormation deploy acknowledges CAPABILITY_IAM (the template creates roles) and none names IAM resources', () => {
    // Prepare: roles without RoleName need CAPABILITY_IAM; a RoleName would need CAPABILITY_NAMED_IAM instead.
    const named = Object.entries(template.Resources).filter(([, r]) => r.Type.startsWith('AWS::IAM::') && r.Properties?.RoleName !== undefined);

    // Act
    const missing = cloudFormationUses().filter((use) => !use.capabilities.includes('CAPABILITY_IAM'));

    // Assess
    expect(resourceTypes.has('AWS::IAM::Role')).toBe(true);
    expect(named).toEqual([]);
    expect(missing.map((use) => use.where)).toEqual([]);
  });

  test('a deploy that skips the change set acknowledges CAPABILITY_AUTO_EXPAND, because the template has a transform', () => {
    // CreateStack/UpdateStack on a template with AWS::Serverless-2016-10-31 need it; change sets (sam deploy,
    // aws cloudformation deploy) do not: "This capacity doesn't apply to creating change sets" (CreateChangeSet API).
    const direct = cloudFormationUses().filter((use) => / aws cloudformation (create|update)-stack /.test(` ${use.where.replace(/^[^:]+: /, '')} `));
    expect(template.Transform).toBe('AWS::Serverless-2016-10-31');
    expect(direct.filter((use) => !use.capabilities.includes('CAPABILITY_AUTO_EXPAND')).map((use) => use.where)).toEqual([]);
  });

  test('the check bites: CAPABILITY_RESOURCE_POLICY in a sam deploy command is reported', () => {
    const broken = capabilityUsesInMarkdown('```sh\nsam deploy --stack-name x \\\n  --capabilities CAPABILITY_IAM CAPABILITY_RESOURCE_POLICY\n```', 'x.md');
    expect(broken.flatMap(notIn(CLOUDFORMATION_CAPABILITIES))).toEqual(['CAPABILITY_RESOURCE_POLICY in x.md: sam deploy --stack-name x    --capabilities CAPABILITY_IAM CAPABILITY_RESOURCE_POLICY']);
    expect(capabilityUsesInSamconfig('[default.deploy.parameters]\ncapabilities = "CAPABILITY_IAM CAPABILITY_RESOURCE_POLICY"\n').flatMap(notIn(CLOUDFORMATION_CAPABILITIES))).toHaveLength(1);
  });
});

describeWithTool('botocore', 'deploy capabilities (AWS CLI service models)', () => {
  test('CloudFormation\'s model in the AWS CLI agrees with the SDK\'s', () => {
    expect(botocoreEnum('cloudformation', 'Capability').sort()).toEqual([...CLOUDFORMATION_CAPABILITIES].sort());
  });

  test('CloudFormation documents that change sets need no CAPABILITY_AUTO_EXPAND', () => {
    const documentation = botocoreMemberDocumentation('cloudformation', 'CreateChangeSetInput', 'Capabilities');
    expect(documentation).toMatch(/doesn't apply to creating change sets, and specifying it when creating change sets has no effect/);
  });

  test('every capability passed to the Serverless Application Repository is in its API\'s enum', () => {
    const sar = botocoreEnum('serverlessrepo', 'Capability');
    expect(sar).toContain('CAPABILITY_RESOURCE_POLICY');
    expect(uses().filter((use) => use.target === 'serverlessrepo').flatMap(notIn(sar))).toEqual([]);
  });

  test('SAR commands acknowledge what the template needs: IAM roles, and the bucket and queue policies', () => {
    // Prepare: the resource lists come from SAR's own API documentation.
    const documentation = botocoreMemberDocumentation('serverlessrepo', 'CreateCloudFormationChangeSetRequest', 'Capabilities');
    const policyTypes = resourceTypesRequiring(documentation, 'CAPABILITY_RESOURCE_POLICY');
    const iamTypes = resourceTypesRequiring(documentation, 'CAPABILITY_IAM');
    const needed = [
      ...(iamTypes.some((type) => resourceTypes.has(type)) ? ['CAPABILITY_IAM'] : []),
      ...(policyTypes.some((type) => resourceTypes.has(type)) ? ['CAPABILITY_RESOURCE_POLICY'] : []),
    ];

    // Act
    const short = uses()
      .filter((use) => use.target === 'serverlessrepo')
      .filter((use) => needed.some((capability) => !use.capabilities.includes(capability)));

    // Assess
    expect(policyTypes).toEqual(expect.arrayContaining(['AWS::S3::BucketPolicy', 'AWS::SQS::QueuePolicy']));
    expect(needed).toEqual(['CAPABILITY_IAM', 'CAPABILITY_RESOURCE_POLICY']);
    expect(short.map((use) => use.where)).toEqual([]);
  });
});
