import { describe, expect, it } from 'vitest';
import { createProgress } from './progress.ts';

function stream(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, isTTY, columns: 100, write: (text: string) => writes.push(text) };
}

describe('progress output', () => {
  it('redraws one line in place on a terminal', () => {
    const out = stream(true);
    let time = 0;
    const progress = createProgress(out, 'Migrating', 4, () => time);
    progress.update(0, '0001_platform.sql');
    time += 1000;
    progress.update(2, '0003_processing_log.sql');
    progress.finish('Applied 4 migration(s).');
    expect(out.writes.every((text) => text.startsWith('\r'))).toBe(true);
    expect(out.writes[1]).toContain('[############------------] 2/4 0003_processing_log.sql');
    expect(out.writes.at(-1)).toMatch(/Applied 4 migration\(s\)\.\n$/);
  });

  it('writes plain lines without control characters to a pipe, one per label or tenth of the work', () => {
    const out = stream(false);
    const progress = createProgress(out, 'Checking', 1000);
    for (let done = 0; done <= 1000; done++) progress.update(done);
    progress.finish('Checked 1000 record(s).');
    expect(out.writes).toHaveLength(12);
    expect(out.writes[0]).toBe('Checking 0/1000\n');
    expect(out.writes[5]).toBe('Checking 500/1000\n');
    const text = out.writes.join('');
    expect(text.includes('\r') || text.includes('\u001b')).toBe(false);
  });
});
