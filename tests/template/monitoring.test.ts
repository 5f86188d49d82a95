import { describeWithTool } from '../helpers/external-tools';
import { METRIC_NAMESPACE, TRANSFORM_METRICS } from '../../functions/shared/metrics';
import { checkAlarms, checkDashboards, checkDashboardShowsAlarms, checkOutputs, checkSubscriptions, REQUIRED_ALARMS } from './support/check-monitoring';
import { expandedTemplate, mutable } from './support/template-fixture';

/** The transform's own ProcessingFailed count, named as functions/shared/metrics.ts publishes it. */
const PROCESSING_FAILED: readonly [string, string] = [METRIC_NAMESPACE, TRANSFORM_METRICS.recordsFailed.name];

describeWithTool('sam-translator', 'template monitoring (SAM-expanded)', () => {
  let template: ReturnType<typeof expandedTemplate>;
  beforeAll(() => {
    template = expandedTemplate();
  });

  test('alarms cover delivery, freshness, processing, transform errors, rule failures, the DLQ and the EMF metric', () => {
    expect(checkAlarms(template, [...REQUIRED_ALARMS, PROCESSING_FAILED])).toEqual([]);
  });

  test('subscriptions use lowercase SNS protocols', () => {
    expect(checkSubscriptions(template)).toEqual([]);
  });

  test('the dashboard body is valid JSON after !Sub substitution', () => {
    expect(checkDashboards(template)).toEqual([]);
  });

  test('the dashboard draws every alarm\'s metric, the S3 backup\'s DeliveryToS3.Success included', () => {
    expect(checkDashboardShowsAlarms(template)).toEqual([]);
  });

  test('the backup alarm watches DeliveryToS3.Success, the S3 metric Firehose emits for failed-data-only backups', () => {
    const backup = template.Resources.BackupFailingAlarm?.Properties as Record<string, unknown>;
    expect([backup.Namespace, backup.MetricName, backup.Statistic, backup.ComparisonOperator]).toEqual(['AWS/Firehose', 'DeliveryToS3.Success', 'Average', 'LessThanThreshold']);
  });

  test('outputs are described, complete and free of the access key', () => {
    expect(checkOutputs(template)).toEqual([]);
  });

  describe('the checks bite', () => {
    test('an alarm without Period and an SQS alarm on the queue URL are reported', () => {
      const broken = mutable(template);
      delete broken.Resources.TransformErrorsAlarm!.Properties.Period;
      broken.Resources.DeadLetterQueueAlarm!.Properties.Dimensions[0].Value = { Ref: 'RuleDeadLetterQueue' };
      expect(checkAlarms(broken)).toHaveLength(2);
    });

    test('an alarm whose metric the dashboard does not draw is reported', () => {
      const broken = mutable(template);
      broken.Resources.BackupFailingAlarm!.Properties.MetricName = 'BackupToS3.Success';
      expect(checkDashboardShowsAlarms(broken)).toEqual(["BackupFailingAlarm's metric AWS/Firehose BackupToS3.Success is not on the dashboard."]);
    });

    test('a missing required alarm is reported', () => {
      const broken = mutable(template);
      delete broken.Resources.DeliveryLaggingAlarm;
      expect(checkAlarms(broken)).toEqual(['No alarm on AWS/Firehose DeliveryToHttpEndpoint.DataFreshness.']);
    });

    test('SNS Protocol Email is reported', () => {
      const broken = mutable(template);
      broken.Resources.AlarmEmailSubscription!.Properties.Protocol = 'Email';
      expect(checkSubscriptions(broken)).toHaveLength(1);
    });

    test('a dashboard body with a trailing comma is reported', () => {
      const broken = mutable(template);
      const body = broken.Resources.PipelineDashboard!.Properties.DashboardBody;
      body['Fn::Sub'] = String(body['Fn::Sub']).replace('"widgets": [', '"widgets": [,');
      expect(checkDashboards(broken)).toHaveLength(1);
    });
  });
});
