import { describeWithTool } from '../helpers/external-tools';
import {
  checkBackupPrefixes,
  checkCredentialExclusive,
  checkCustomResources,
  checkDeliveryBounds,
  checkEndpointUrl,
  checkSecurityPackInputs,
  checkStreamDependsOnCheck,
  checkTransformEnvironment,
  existingResources,
} from './support/check-pipeline';
import { checkDeadLetterQueue, checkEventPattern, checkRuleTarget } from './support/check-routing';
import { expandedTemplate, mutable } from './support/template-fixture';

describeWithTool('sam-translator', 'template pipeline wiring (SAM-expanded)', () => {
  let template: ReturnType<typeof expandedTemplate>;
  beforeAll(() => {
    template = expandedTemplate();
  });

  test('the rule targets the delivery stream through a role on the target, with retries and a dead-letter queue', () => {
    expect(checkRuleTarget(template)).toEqual([]);
  });

  test('the event pattern matches user-pool, hosted-UI and (optionally) identity-pool events, every value an array', () => {
    expect(checkEventPattern(template)).toEqual([]);
  });

  test('the dead-letter queue is a standard, encrypted queue only the rule may send to', () => {
    expect(checkDeadLetterQueue(template)).toEqual([]);
  });

  test('the stream is Direct PUT and waits for the endpoint check', () => {
    expect(checkStreamDependsOnCheck(template)).toEqual([]);
  });

  test("the stream delivers to OpenObserve's /aws/<org>/<stream>/_kinesis_firehose route", () => {
    expect(checkEndpointUrl(template)).toEqual([]);
  });

  test('the stream and the check each get exactly one credential for every accepted combination', () => {
    expect(checkCredentialExclusive(template)).toEqual([]);
  });

  test('the transform runs as the Lambda processor within the API bounds, with string parameters', () => {
    expect(checkDeliveryBounds(template)).toEqual([]);
  });

  test('failed records go to the backup bucket under processing-failed/ and http-endpoint-failed/', () => {
    expect(checkBackupPrefixes(template)).toEqual([]);
  });

  test('custom resources have a short ServiceTimeout and the endpoint check gets its inputs', () => {
    expect(checkCustomResources(template)).toEqual([]);
  });

  test('the security pack gets every pack input, and Thresholds only when PackThresholds is set', () => {
    expect(checkSecurityPackInputs(template)).toEqual([]);
  });

  test('the transform environment maps every transform parameter', () => {
    expect(checkTransformEnvironment(template)).toEqual([]);
  });

  test('creates the trail only with CreateTrail and the pack only with InstallSecurityPack', () => {
    // Prepare
    const base = { OpenObserveUrl: 'https://o2.example.com', OpenObserveAccessKey: 'a2V5' };
    const pack = { InstallSecurityPack: 'true', PackCredentialsSecretArn: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:p-AbC123' };

    // Act
    const plain = existingResources(template, base);
    const full = existingResources(template, { ...base, ...pack, CreateTrail: 'true', AlarmEmail: 'ops@example.com' });

    // Assess
    expect(plain).not.toEqual(expect.arrayContaining(['Trail']));
    expect(plain).not.toContain('SecurityPack');
    expect(plain).not.toContain('AlarmEmailSubscription');
    expect(full).toEqual(expect.arrayContaining(['Trail', 'TrailBucket', 'TrailBucketPolicy', 'SecurityPack', 'PackInstallFunction', 'AlarmEmailSubscription']));
  });

  describe('the checks bite', () => {
    test('the /api/ path is reported', () => {
      const broken = mutable(template);
      const config = broken.Resources.DeliveryStream!.Properties.HttpEndpointDestinationConfiguration;
      config.EndpointConfiguration.Url = { 'Fn::Sub': '${OpenObserveUrl}/api/${OpenObserveOrganization}/${OpenObserveStreamName}/_kinesis_firehose' };
      expect(checkEndpointUrl(broken)).toContain('The endpoint path uses /api/, which answers 401 to Firehose; use /aws/.');
    });

    test('a scalar source and a misspelt detailType are reported', () => {
      const broken = mutable(template);
      const pattern = broken.Resources.CognitoEventsRule!.Properties.EventPattern;
      pattern.source = 'aws.cognito-idp';
      pattern.detailType = pattern['detail-type'];
      delete pattern['detail-type'];
      expect(checkEventPattern(broken)).toEqual(
        expect.arrayContaining([
          "Event pattern key 'detailType' is not an EventBridge field (misspelt?).",
          'Event pattern EventPattern.source is a scalar; EventBridge wants an array.',
        ]),
      );
    });

    test('the role on the rule instead of the target is reported', () => {
      const broken = mutable(template);
      const rule = broken.Resources.CognitoEventsRule!.Properties;
      rule.RoleArn = rule.Targets[0].RoleArn;
      delete rule.Targets[0].RoleArn;
      expect(checkRuleTarget(broken)).toEqual(expect.arrayContaining(['The stream target has no RoleArn.']));
    });

    test('a FIFO dead-letter queue is reported', () => {
      const broken = mutable(template);
      broken.Resources.RuleDeadLetterQueue!.Properties.FifoQueue = true;
      expect(checkDeadLetterQueue(broken)).toHaveLength(1);
    });

    test('AccessKey and SecretsManagerConfiguration both set is reported', () => {
      const broken = mutable(template);
      const config = broken.Resources.DeliveryStream!.Properties.HttpEndpointDestinationConfiguration;
      config.EndpointConfiguration.AccessKey = { Ref: 'OpenObserveAccessKey' };
      config.SecretsManagerConfiguration = { Enabled: true, SecretARN: { Ref: 'OpenObserveAccessKeySecretArn' } };
      expect(checkCredentialExclusive(broken).length).toBeGreaterThan(0);
    });

    test('an ErrorOutputPrefix without the error-output-type, or missing behind an expression Prefix, is reported', () => {
      const broken = mutable(template);
      const s3 = broken.Resources.DeliveryStream!.Properties.HttpEndpointDestinationConfiguration.S3Configuration;
      s3.ErrorOutputPrefix = 'errors/!{timestamp:yyyy}/';
      expect(checkBackupPrefixes(broken)).toHaveLength(1);
      delete s3.ErrorOutputPrefix;
      expect(checkBackupPrefixes(broken)).toEqual(['Prefix has expressions but there is no ErrorOutputPrefix.']);
    });

    test('a literal HTTP buffer of 128 MB and a numeric processor parameter are reported', () => {
      const broken = mutable(template);
      const config = broken.Resources.DeliveryStream!.Properties.HttpEndpointDestinationConfiguration;
      config.BufferingHints.SizeInMBs = 128;
      config.ProcessingConfiguration.Processors[0].Parameters[1].ParameterValue = 1;
      expect(checkDeliveryBounds(broken)).toHaveLength(2);
    });

    test('a ServiceTimeout of 0 or of an hour is reported', () => {
      const broken = mutable(template);
      broken.Resources.EndpointCheck!.Properties.ServiceTimeout = 0;
      expect(checkCustomResources(broken)).toHaveLength(1);
      broken.Resources.EndpointCheck!.Properties.ServiceTimeout = 3600;
      expect(checkCustomResources(broken)).toHaveLength(1);
    });

    test('Thresholds passed unconditionally, or not at all, is reported', () => {
      const broken = mutable(template);
      const pack = broken.Resources.SecurityPack!.Properties;
      pack.Thresholds = { Ref: 'PackThresholds' };
      expect(checkSecurityPackInputs(broken)).toEqual(['With PackThresholds empty, SecurityPack.Thresholds should be absent, not PackThresholds.']);
      delete pack.Thresholds;
      expect(checkSecurityPackInputs(broken)).toEqual(['With PackThresholds set, SecurityPack.Thresholds should be !Ref PackThresholds, not absent.']);
    });

    test('a stream that no longer waits for the check is reported', () => {
      const broken = mutable(template);
      delete broken.Resources.DeliveryStream!.DependsOn;
      expect(checkStreamDependsOnCheck(broken)).toHaveLength(1);
    });
  });
});
