import { emptyStats } from '../../../cli/replay/replay-stats';
import { progressLine, stderrProgress } from '../../../cli/replay/progress';

describe('progressLine', () => {
  test('shows objects, counts, rate and, once the listing is complete, an ETA', () => {
    const line = progressLine({ ...emptyStats(), objectsListed: 10, listingDone: true, bytesListed: 1000, bytesDone: 250, objectsDone: 2, eventsRead: 500, matched: 400, delivered: 300 }, 10_000);
    expect(line).toBe('replay: objects 2/10 · read 500 · matched 400 · delivered 300 · 50 events/s · ETA 0m30s');
  });

  test('marks an incomplete listing with + and gives no ETA', () => {
    expect(progressLine({ ...emptyStats(), objectsListed: 3 }, 1000)).toContain('objects 0/3+');
    expect(progressLine({ ...emptyStats(), objectsListed: 3 }, 1000)).not.toContain('ETA');
  });
});

describe('stderrProgress', () => {
  test('on a terminal, redraws one line in place and clears it at the end', () => {
    const written: string[] = [];
    const stderr = { write: (text: string) => void written.push(text) } as unknown as NodeJS.WritableStream;
    let t = 0;
    const progress = stderrProgress(stderr, true, () => t);
    t = 1000;
    progress.update({ ...emptyStats(), objectsListed: 1 });
    t = 1100;
    progress.update({ ...emptyStats(), objectsListed: 2 });
    progress.done();
    expect(written).toEqual(['\r\x1b[Kreplay: objects 0/1+ · read 0 · matched 0 · delivered 0 · 0 events/s', '\r\x1b[K']);
  });

  test('elsewhere, prints a plain line at most every 10 seconds', () => {
    const written: string[] = [];
    const stderr = { write: (text: string) => void written.push(text) } as unknown as NodeJS.WritableStream;
    let t = 0;
    const progress = stderrProgress(stderr, false, () => t);
    for (t = 0; t <= 25_000; t += 1000) progress.update(emptyStats());
    progress.done();
    expect(written).toHaveLength(2);
    expect(written.every((line) => line.endsWith('\n') && !line.includes('\r'))).toBe(true);
  });

  test('a note clears the redrawn line, takes a line of its own, and the progress comes back after it', () => {
    const written: string[] = [];
    const stderr = { write: (text: string) => void written.push(text) } as unknown as NodeJS.WritableStream;
    let t = 1000;
    const progress = stderrProgress(stderr, true, () => t);
    progress.update(emptyStats());
    progress.note('OpenObserve answered HTTP 503; retrying 10 records in 1 s (attempt 2 of 8).');
    t = 1010;
    progress.update(emptyStats());
    expect(written).toEqual([
      '\r\x1b[Kreplay: objects 0/0+ · read 0 · matched 0 · delivered 0 · 0 events/s',
      '\r\x1b[Kreplay: OpenObserve answered HTTP 503; retrying 10 records in 1 s (attempt 2 of 8).\n',
      '\r\x1b[Kreplay: objects 0/0+ · read 0 · matched 0 · delivered 0 · 0 events/s',
    ]);
  });
});
