import { describe, expect, it } from 'vitest';
import { CompiledQuery, DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';
import { noteScopeShare, scopeCondition, scopeShareDue, walksListOrder } from './scope-plan.ts';

const compiler = new Kysely<object>({
  dialect: { createAdapter: () => new PostgresAdapter(), createDriver: () => new DummyDriver(), createIntrospector: (db) => new PostgresIntrospector(db), createQueryCompiler: () => new PostgresQueryCompiler() },
});

function compiled(condition: ReturnType<typeof scopeCondition>): CompiledQuery {
  return condition.compile(compiler);
}

describe('the plan of a list over several zaaktypen', () => {
  const tenant = '6d1a7a52-8f0e-4c57-9f43-3a3b8a1d0c11';
  const scope = [
    { zaaktype: 'a', maxRank: 2 },
    { zaaktype: 'b', maxRank: 2 },
  ];

  it('walks the list order only once the scope is known to hold at least a quarter of the tenant’s zaken', () => {
    expect(walksListOrder(tenant, scope)).toBe(false);
    noteScopeShare(tenant, scope, 249, 1000);
    expect(walksListOrder(tenant, scope)).toBe(false);
    noteScopeShare(tenant, scope, 250, 1000);
    expect(walksListOrder(tenant, scope)).toBe(true);
    expect(walksListOrder(tenant, [{ zaaktype: 'a', maxRank: 2 }])).toBe(false);
    expect(walksListOrder('another-tenant', scope)).toBe(false);
    noteScopeShare(tenant, scope, 0, 0);
    expect(walksListOrder(tenant, scope)).toBe(false);
  });

  it('asks for the tenant’s total only while the scope’s share is unknown or a minute old', () => {
    const wide = [{ zaaktype: 'w', maxRank: 3 }, { zaaktype: 'x', maxRank: 3 }];
    const noted = Date.parse('2026-11-24T12:00:00Z');
    expect(scopeShareDue(tenant, wide, noted)).toBe(true);
    noteScopeShare(tenant, wide, 900, 1000, noted);
    expect(scopeShareDue(tenant, wide, noted + 59_999)).toBe(false);
    expect(scopeShareDue(tenant, wide, noted + 60_000)).toBe(true);
    // Until a list notes it again, the old share still chooses the plan.
    expect(walksListOrder(tenant, wide)).toBe(true);
  });

  it('states the scope as one array of zaaktypen per vertrouwelijkheid rank', () => {
    const query = compiled(scopeCondition([{ zaaktype: 'a', maxRank: 2 }, { zaaktype: 'b', maxRank: 5 }, { zaaktype: 'c', maxRank: 2 }]));
    expect(query.sql).toBe('((zaken.zaaktype_uuid = ANY ($1::uuid[]) AND zaken.vertrouwelijkheid_rank <= $2) OR (zaken.zaaktype_uuid = ANY ($3::uuid[]) AND zaken.vertrouwelijkheid_rank <= $4))');
    expect(query.parameters).toEqual([['a', 'c'], 2, ['b'], 5]);
    // A part without a zaaktype covers every zaaktype up to its rank.
    expect(compiled(scopeCondition([{ zaaktype: 'a', maxRank: 2 }, { maxRank: 2 }])).sql).toBe('((zaken.vertrouwelijkheid_rank <= $1))');
  });
});
