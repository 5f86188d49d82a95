import { describeWithTool } from '../helpers/external-tools';
import { cfnSchemaProperty } from './support/cfn-schema';
import { mutable, rawTemplate } from './support/template-fixture';
import { propertiesOf } from './support/walk';

/**
 * Names and URLs the stack composes from parameters must fit the limits of the resource they go to, for
 * every value the parameters allow (their MaxLength), not just for the defaults.
 */
const template = rawTemplate();

/** The longest string a `Fn::Sub` text can produce: its literal characters plus each parameter's MaxLength. */
function longestSub(t: typeof template, text: string): { length: number; problems: string[] } {
  const problems: string[] = [];
  let length = text.replace(/\$\{[^}]+\}/g, '').length;
  for (const match of text.matchAll(/\$\{([^}]+)\}/g)) {
    const name = match[1] ?? '';
    const max = t.Parameters?.[name]?.MaxLength;
    if (max === undefined) problems.push(`${name} has no MaxLength, so the composed value has no bound.`);
    else length += Number(max);
  }
  return { length, problems };
}

const deliveryUrl = (t: typeof template): string => {
  const endpoint = (propertiesOf(t.Resources.DeliveryStream).HttpEndpointDestinationConfiguration as { EndpointConfiguration: { Url: { 'Fn::Sub': string } } }).EndpointConfiguration;
  return endpoint.Url['Fn::Sub'];
};

describeWithTool('cfn-lint', 'composed values fit their resource limits (CloudFormation schemas)', () => {
  test('the Firehose endpoint URL fits Url\'s maxLength for the longest URL, organization and stream', () => {
    // Prepare
    const urlSchema = cfnSchemaProperty('AWS::KinesisFirehose::DeliveryStream', 'HttpEndpointConfiguration', 'Url');

    // Act
    const longest = longestSub(template, deliveryUrl(template));

    // Assess
    expect(urlSchema.maxLength).toBe(1000);
    expect(longest.problems).toEqual([]);
    expect(longest.length).toBeLessThanOrEqual(Number(urlSchema.maxLength));
  });

  test('the check bites: OpenObserveUrl MaxLength 900 lets the composed URL reach 1116 characters', () => {
    const broken = mutable(template);
    (broken.Parameters.OpenObserveUrl as Record<string, unknown>).MaxLength = 900;
    expect(longestSub(broken, deliveryUrl(broken)).length).toBe(1116);
    delete (broken.Parameters.OpenObserveOrganization as Record<string, unknown>).MaxLength;
    expect(longestSub(broken, deliveryUrl(broken)).problems).toEqual(['OpenObserveOrganization has no MaxLength, so the composed value has no bound.']);
  });
});
