import { isAscii } from 'node:buffer';
import path from 'node:path';
import { buildBatch, loadTemplates } from '../../../bench/batch';
import { decodeRecordData } from '../../../functions/transform/decode-record';

const TEMPLATES = loadTemplates(path.resolve(__dirname, '..', '..', '..', 'events', 'eventbridge'));
const NOW_MS = Date.UTC(2026, 10, 26, 12, 0, 0);

function texts(text: 'ascii' | 'unicode'): string[] {
  const { event } = buildBatch(TEMPLATES, { dataBytes: 200_000, nowMs: NOW_MS, text });
  return event.records.map((record) => Buffer.from(record.data, 'base64').toString('utf8'));
}

describe('bench batches', () => {
  test('the ascii batch is the sample events as they are: every record takes the plain-ASCII path', () => {
    // Act
    const records = texts('ascii');

    // Assess
    expect(records.length).toBeGreaterThan(100);
    for (const text of records) {
      expect(isAscii(Buffer.from(text))).toBe(true);
      expect(decodeRecordData(Buffer.from(text).toString('base64'))).toMatchObject({ ok: true, plainStrings: true });
    }
  });

  test('the unicode batch puts non-ASCII text in every record, and escaped text in a good share of them', () => {
    // Act
    const records = texts('unicode');
    const decoded = records.map((text) => decodeRecordData(Buffer.from(text).toString('base64')));

    // Assess: records with a backslash take the transform's escaping path, the others its plain path.
    expect(records.length).toBeGreaterThan(100);
    for (const text of records) expect(isAscii(Buffer.from(text))).toBe(false);
    expect(decoded.every((d) => d.ok)).toBe(true);
    const escaped = decoded.filter((d) => !('plainStrings' in d)).length;
    expect(escaped / records.length).toBeGreaterThan(0.4);
    expect(escaped / records.length).toBeLessThan(0.9);
    expect(records.some((text) => text.includes('\\"') && text.includes('\\\\') && text.includes('\\t'))).toBe(true);
  });

  test('is the same batch for the same seed and clock', () => {
    expect(buildBatch(TEMPLATES, { dataBytes: 50_000, nowMs: NOW_MS, text: 'unicode' })).toEqual(buildBatch(TEMPLATES, { dataBytes: 50_000, nowMs: NOW_MS, text: 'unicode' }));
  });
});
