import { describeWithTool } from '../helpers/external-tools';
import { checkBuckets, checkLogging, checkNoHardcodedNames, checkTrail } from './support/check-hardening';
import { expandedTemplate, mutable } from './support/template-fixture';

describeWithTool('sam-translator', 'template hardening (SAM-expanded)', () => {
  let template: ReturnType<typeof expandedTemplate>;
  beforeAll(() => {
    template = expandedTemplate();
  });

  test('buckets are encrypted, private, owner-enforced, TLS-only (bucket and /* ARNs), kept (except by a failed creation) and expiring', () => {
    expect(checkBuckets(template)).toEqual([]);
  });

  test('the optional trail waits for its bucket policy (CloudTrail\'s own, scoped by aws:SourceArn) and comes after the rule', () => {
    expect(checkTrail(template)).toEqual([]);
  });

  test('no physical name is hard-coded, so two installs never collide', () => {
    expect(checkNoHardcodedNames(template)).toEqual([]);
  });

  test('every log group has a retention and every function logs JSON into its own log group', () => {
    expect(checkLogging(template)).toEqual([]);
  });

  describe('the checks bite', () => {
    test('a hard-coded bucket name, role name, and a name with a colon are reported', () => {
      const broken = mutable(template);
      broken.Resources.BackupBucket!.Properties.BucketName = 'o2-cognito-backup';
      broken.Resources.DeliveryRole!.Properties.RoleName = 'cognito:openobserve';
      expect(checkNoHardcodedNames(broken)).toHaveLength(3);
    });

    test('a TLS-only deny that misses the /* object ARN is reported', () => {
      const broken = mutable(template);
      const statement = broken.Resources.BackupBucketPolicy!.Properties.PolicyDocument.Statement[0];
      statement.Resource = [statement.Resource[0]];
      expect(checkBuckets(broken)).toEqual(["BackupBucket's TLS-only deny does not cover both the bucket ARN and its /* object ARN."]);
    });

    test('a zero-day expiry, a missing UpdateReplacePolicy and a plain Retain (empty buckets left by failed deploys) are reported', () => {
      const broken = mutable(template);
      broken.Resources.BackupBucket!.Properties.LifecycleConfiguration.Rules[0].ExpirationInDays = 0;
      delete broken.Resources.TrailBucket!.UpdateReplacePolicy;
      broken.Resources.BackupBucket!.DeletionPolicy = 'Retain';
      expect(checkBuckets(broken)).toEqual([
        'BackupBucket is not DeletionPolicy RetainExceptOnCreate with UpdateReplacePolicy Retain.',
        'BackupBucket expires objects after 0 days.',
        'TrailBucket is not DeletionPolicy RetainExceptOnCreate with UpdateReplacePolicy Retain.',
      ]);
    });

    test('a trail that does not wait for its bucket policy and for the rule is reported', () => {
      const broken = mutable(template);
      delete broken.Resources.Trail!.DependsOn;
      expect(checkTrail(broken)).toHaveLength(2);
    });

    test('a log group without retention is reported', () => {
      const broken = mutable(template);
      delete broken.Resources.TransformLogGroup!.Properties.RetentionInDays;
      expect(checkLogging(broken)).toEqual(['TransformLogGroup keeps logs forever (no RetentionInDays).']);
    });
  });
});
