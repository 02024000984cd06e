import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { InvalidParam } from '../../../platform/errors/catalogue.ts';
import type { JsonRecord } from '../../../platform/database/tables/klantinteracties.ts';
import { contactnaamGroup } from '../shared/groups.ts';
import { resolveReference, type Reference } from '../shared/references.ts';

/*
 * `partijIdentificatie`, whose shape follows `soortPartij`: a persoon and a contactpersoon have a contactnaam, an
 * organisatie a naam; a contactpersoon may name the organisatie it works for (`werkteVoorPartij`).
 */

/** What is stored: the JSONB group and, for a contactpersoon, the organisatie. */
export interface StoredIdentificatie {
  group: JsonRecord;
  werkteVoorPartijUuid: string | null;
}

const NAME_FIELDS: Record<string, number> = { voorletters: 10, voornaam: 200, voorvoegselAchternaam: 10, achternaam: 200 };

function contactnaamProblems(value: unknown, field: string): InvalidParam[] {
  if (value === null || value === undefined) return [];
  if (typeof value !== 'object' || Array.isArray(value)) return [{ name: field, code: 'invalid', reason: 'contactnaam is een object.' }];
  const problems: InvalidParam[] = [];
  for (const [name, max] of Object.entries(NAME_FIELDS)) {
    const part = (value as JsonRecord)[name];
    if (part === undefined) continue;
    if (typeof part !== 'string') problems.push({ name: `${field}.${name}`, code: 'invalid', reason: 'Dit veld is tekst.' });
    else if (part.length > max) problems.push({ name: `${field}.${name}`, code: 'max_length', reason: `Hooguit ${max} tekens.` });
  }
  return problems;
}

/** The stored identificatie for this soort from the body's group, with every problem added. */
export async function identificatieFor(db: Kysely<Database>, tenantId: string, soort: string, value: unknown, problems: InvalidParam[]): Promise<StoredIdentificatie> {
  const group = (typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {}) as JsonRecord;
  const field = 'partijIdentificatie';
  if (soort === 'organisatie') {
    const naam = group.naam ?? '';
    if (typeof naam !== 'string') problems.push({ name: `${field}.naam`, code: 'invalid', reason: 'naam is tekst.' });
    else if (naam.length > 200) problems.push({ name: `${field}.naam`, code: 'max_length', reason: 'Hooguit 200 tekens.' });
    return { group: { naam: typeof naam === 'string' ? naam : '' }, werkteVoorPartijUuid: null };
  }
  problems.push(...contactnaamProblems(group.contactnaam, `${field}.contactnaam`));
  const contactnaam = typeof group.contactnaam === 'object' && group.contactnaam !== null ? contactnaamGroup(group.contactnaam as JsonRecord) : null;
  if (soort !== 'contactpersoon') return { group: { contactnaam }, werkteVoorPartijUuid: null };
  const organisatie = await resolveReference(db, 'ki_partijen', tenantId, (group.werkteVoorPartij ?? null) as Reference | null, `${field}.werkteVoorPartij`, problems);
  if (organisatie && organisatie.soort_partij !== 'organisatie') {
    problems.push({ name: `${field}.werkteVoorPartij`, code: 'invalid', reason: 'Een contactpersoon werkt voor een partij van soort organisatie.' });
  }
  return { group: { contactnaam }, werkteVoorPartijUuid: organisatie?.uuid ?? null };
}
