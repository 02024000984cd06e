import { describe, expect, it } from 'vitest';
import { TurnBatcher } from './turn-batcher.ts';

describe('turn batcher', () => {
  it('answers the calls of one turn with one run, each with its own result', async () => {
    const runs: number[][] = [];
    const batcher = new TurnBatcher<number, string>(async (items) => {
      runs.push(items);
      return items.map((item) => `nummer ${item}`);
    });
    const answers = await Promise.all([1, 2, 3].map((item) => batcher.add(item)));
    expect(answers).toEqual(['nummer 1', 'nummer 2', 'nummer 3']);
    expect(runs).toEqual([[1, 2, 3]]);
    // A later turn is a batch of its own.
    expect(await batcher.add(4)).toBe('nummer 4');
    expect(runs).toEqual([[1, 2, 3], [4]]);
  });

  it('splits a turn into batches of at most the maximum', async () => {
    const runs: number[][] = [];
    const batcher = new TurnBatcher<number, number>(async (items) => {
      runs.push(items);
      return items;
    }, 2);
    expect(await Promise.all([1, 2, 3, 4, 5].map((item) => batcher.add(item)))).toEqual([1, 2, 3, 4, 5]);
    expect(runs).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('rejects every call of a batch whose run fails, and of one that answers for the wrong number of items', async () => {
    const failing = new TurnBatcher<number, number>(() => Promise.reject(new Error('database weg')));
    const calls = [1, 2].map((item) => failing.add(item));
    for (const call of calls) await expect(call).rejects.toThrow('database weg');

    const miscounting = new TurnBatcher<number, number>(async () => [1]);
    const results = await Promise.allSettled([miscounting.add(1), miscounting.add(2)]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
  });
});
