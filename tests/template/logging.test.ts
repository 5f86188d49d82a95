import { createLogger, logLevelOf } from '../../functions/shared/logger';
import { emfLine, METRIC_NAMESPACE, TRANSFORM_METRICS } from '../../functions/shared/metrics';
import { contextFor, evaluate, resolveIfs } from './support/evaluate';
import { assignedLevel, survivesFilter } from './support/lambda-log-filter';
import { mutable, rawTemplate } from './support/template-fixture';
import { propertiesOf } from './support/walk';

/**
 * The custom metrics are EMF lines in the functions' logs. Lambda's JSON log-level filter treats a line without
 * `level` as INFO, so an ApplicationLogLevel above INFO would drop every metric line (and the alarm on rejected
 * records with it). LogLevel must filter in the code (LOG_LEVEL) while Lambda keeps INFO, or DEBUG when asked.
 */
const template = rawTemplate();
const FUNCTION_TYPES = new Set(['AWS::Serverless::Function', 'AWS::Lambda::Function']);
const functionIds = Object.entries(template.Resources)
  .filter(([, resource]) => FUNCTION_TYPES.has(resource.Type))
  .map(([id]) => id);
const LOG_LEVELS = (template.Parameters?.LogLevel?.AllowedValues ?? []) as string[];

const metricLine = emfLine({
  namespace: METRIC_NAMESPACE,
  dimensions: { FunctionName: 'o2-cognito-TransformFunction-AbC' },
  timestampMs: Date.parse('2025-06-17T10:00:00Z'),
  metrics: [{ ...TRANSFORM_METRICS.recordsFailed, value: 1 }],
});

/** The line the code writes at `level` for a logger configured with LOG_LEVEL `configured` (undefined: not written). */
function codeLine(configured: string, level: 'warn' | 'info' | 'error'): string | undefined {
  let written: string | undefined;
  const logger = createLogger({ level: logLevelOf(configured), write: (line) => (written = line), clock: () => Date.parse('2025-06-17T10:00:00Z') });
  logger[level]('Record marked ProcessingFailed', { record_id: '49546986683135544286507457936321625675700192471156785154' });
  return written;
}

function applicationLogLevel(t: typeof template, id: string, logLevel: string): string {
  const ctx = contextFor(t, { LogLevel: logLevel, OpenObserveUrl: 'https://o2.example.com', OpenObserveAccessKey: 'dXNlcjpwYXNz' });
  const logging = propertiesOf(t.Resources[id]).LoggingConfig;
  return String(evaluate((resolveIfs(logging, ctx) as { ApplicationLogLevel?: unknown }).ApplicationLogLevel ?? 'INFO', ctx));
}

describe('log levels and metrics', () => {
  test('reads the four functions and the four LogLevel values', () => {
    expect(functionIds.sort()).toEqual(['EndpointCheckFunction', 'PackInstallFunction', 'TransformFunction', 'UserActivityLogsFunction']);
    expect(LOG_LEVELS.sort()).toEqual(['DEBUG', 'ERROR', 'INFO', 'WARN']);
    expect(assignedLevel(metricLine)).toBe('INFO');
  });

  test.each(LOG_LEVELS)('with LogLevel=%s every function keeps its EMF metric lines', (logLevel) => {
    const dropped = functionIds.filter((id) => !survivesFilter(metricLine, applicationLogLevel(template, id, logLevel)));
    expect(dropped).toEqual([]);
  });

  test.each(LOG_LEVELS)('with LogLevel=%s the code writes its WARN and ERROR lines and Lambda keeps them', (logLevel) => {
    for (const level of ['warn', 'error'] as const) {
      const line = codeLine(logLevel, level);
      if (logLevel === 'ERROR' && level === 'warn') {
        expect(line).toBeUndefined();
        continue;
      }
      expect(line).toBeDefined();
      expect(functionIds.filter((id) => !survivesFilter(line ?? '', applicationLogLevel(template, id, logLevel)))).toEqual([]);
    }
  });

  test('LogLevel WARN and ERROR filter the INFO lines in the code (LOG_LEVEL), not in Lambda', () => {
    expect(codeLine('WARN', 'info')).toBeUndefined();
    expect(codeLine('ERROR', 'info')).toBeUndefined();
    expect(codeLine('INFO', 'info')).toBeDefined();
  });

  test('LogLevel DEBUG lets Lambda pass DEBUG lines; the others keep Lambda at INFO', () => {
    expect(functionIds.map((id) => applicationLogLevel(template, id, 'DEBUG'))).toEqual(functionIds.map(() => 'DEBUG'));
    for (const logLevel of ['INFO', 'WARN', 'ERROR']) expect(functionIds.map((id) => applicationLogLevel(template, id, logLevel))).toEqual(functionIds.map(() => 'INFO'));
  });

  test('the check bites: ApplicationLogLevel following LogLevel drops the metrics at WARN', () => {
    const broken = mutable(template);
    broken.Resources.TransformFunction!.Properties.LoggingConfig.ApplicationLogLevel = { Ref: 'LogLevel' };
    expect(survivesFilter(metricLine, applicationLogLevel(broken, 'TransformFunction', 'WARN'))).toBe(false);
  });
});
