import type { FirehoseTransformationEvent, FirehoseTransformationResult } from 'aws-lambda';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { main } from '../../../cli/index';
import { capturedIo } from '../../helpers/captured-io';

// The real project: template.yaml and the bundle `npm run build` made (npm test builds before jest).
const root = path.resolve(__dirname, '..', '..', '..');
const EVENT = 'events/transform/all-samples.json';

async function invokeTransform(...extra: string[]) {
  // An empty shell environment, so that variables of the machine running the tests cannot change the result.
  const io = capturedIo(root, {});
  const code = await main(['invoke', 'TransformFunction', '--event', EVENT, ...extra], io);
  return { code, out: io.out(), err: io.err() };
}

function inputRecordIds(): string[] {
  const event = JSON.parse(readFileSync(path.join(root, EVENT), 'utf8')) as FirehoseTransformationEvent;
  return event.records.map((record) => record.recordId);
}

function decodedLines(response: FirehoseTransformationResult): string[] {
  return response.records
    .filter((record) => record.result === 'Ok')
    .map((record) => Buffer.from(record.data ?? '', 'base64').toString('utf8'));
}

describe('o2-cognito invoke TransformFunction (built bundle, real template)', () => {
  test('answers the Firehose transformation event with every recordId once, in order', async () => {
    // Act
    const { code, out, err } = await invokeTransform();

    // Assess
    expect(code).toBe(0);
    const response = JSON.parse(out) as FirehoseTransformationResult;
    expect(response.records.map((record) => record.recordId)).toEqual(inputRecordIds());
    expect(response.records.every((record) => ['Ok', 'Dropped', 'ProcessingFailed'].includes(record.result))).toBe(true);
    expect(err).toMatch(/REPORT RequestId: [0-9a-f-]{36}\tDuration: /);
  });

  test('emits normalised lines: a tab as second byte, one trailing newline', async () => {
    const { out } = await invokeTransform();

    const lines = decodedLines(JSON.parse(out) as FirehoseTransformationResult);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(line.slice(0, 2)).toBe('{\t');
      expect(line.endsWith('}\n')).toBe(true);
      expect(JSON.parse(line)).toHaveProperty('schema_version', 1);
    }
  });

  test('applies the template parameter PayloadMode given with --parameter-overrides', async () => {
    const json = decodedLines(JSON.parse((await invokeTransform()).out) as FirehoseTransformationResult);
    const dropped = decodedLines(JSON.parse((await invokeTransform('--parameter-overrides', 'PayloadMode=drop')).out) as FirehoseTransformationResult);

    expect(json.some((line) => 'request_parameters' in JSON.parse(line))).toBe(true);
    expect(dropped.some((line) => 'request_parameters' in JSON.parse(line))).toBe(false);
  });

  test('keeps the bundle logs off stdout', async () => {
    const { out } = await invokeTransform();

    expect(out.trimEnd().split('\n')).toHaveLength(1);
  });
});
