import { sql } from 'kysely';
import type { InvalidParam } from '../../../platform/errors/catalogue.ts';
import { invalid } from '../../../platform/errors/problem.ts';
import { byUuid, text, type FilterSet } from '../shared/filters.ts';
import { given } from '../shared/groups.ts';
import { logPartijProcessing } from '../shared/person-processing.ts';
import { resolveReference, type Reference } from '../shared/references.ts';
import type { ResourceDefinition } from '../shared/resource.ts';
import { klantinteractiesBaseUrl } from '../shared/urls.ts';
import { presentRekeningnummer, type RekeningnummerJson } from './present.ts';
import { isValidIban } from './rules.ts';

/** The filters of `rekeningnummersList`. */
const REKENINGNUMMER_FILTERS: FilterSet = { bic: text('bic'), iban: text('iban'), uuid: byUuid('uuid') };

/** The rekeningnummers resource; the IBAN passes its check digits, and is kept in capitals without spaces. A person's account is personal data. */
export const rekeningnummers: ResourceDefinition<'ki_rekeningnummers', RekeningnummerJson> = {
  table: 'ki_rekeningnummers',
  resource: 'rekeningnummers',
  label: 'Rekeningnummer',
  filters: REKENINGNUMMER_FILTERS,
  order: sql`r.created_at, r.uuid`,
  async values(db, caller, body, current) {
    const problems: InvalidParam[] = [];
    const partij = 'partij' in body ? ((await resolveReference(db, 'ki_partijen', caller.tenant.id, body.partij as Reference | null, 'partij', problems))?.uuid ?? null) : (current?.partij_uuid ?? null);
    const iban = given(body, 'iban', current?.iban ?? '').toUpperCase();
    if (!isValidIban(iban)) problems.push({ name: 'iban', code: 'invalid', reason: 'Dit IBAN klopt niet: de controlecijfers passen niet bij het nummer.' });
    if (problems.length > 0) throw invalid(problems);
    return { partij_uuid: partij, iban, bic: given(body, 'bic', current?.bic ?? '').toUpperCase() };
  },
  async present(_db, caller, rows) {
    const base = klantinteractiesBaseUrl(caller);
    return rows.map((row) => presentRekeningnummer(row, base));
  },
  async logProcessing(deps, caller, operation, rows) {
    await logPartijProcessing(deps, caller, 'rekeningnummers', operation, rows.map((row) => row.partij_uuid));
  },
};
