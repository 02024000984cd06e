import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { InvalidParam } from '../../../platform/errors/catalogue.ts';
import { invalid } from '../../../platform/errors/problem.ts';
import type { PartijIdentificatorRow } from '../partij-identificatoren/present.ts';
import { deleteOtherIdentificatoren } from '../partij-identificatoren/repository.ts';
import { identificatorTaken, identificatorValues, takenProblem } from '../partij-identificatoren/service.ts';
import type { KlantCaller } from '../shared/caller.ts';
import { adresGroup, given, storedGroup } from '../shared/groups.ts';
import { nextNummer, reserveNummer } from '../shared/nummer.ts';
import { logPartijProcessing, searchedBsn } from '../shared/person-processing.ts';
import { resolveReference, resolveReferences, type Reference } from '../shared/references.ts';
import type { ResourceDefinition } from '../shared/resource.ts';
import { insertRow, updateRow, type ColumnValues, type KlantRow } from '../shared/rows.ts';
import { identificatieFor } from './identificatie.ts';
import { presentPartijen, type PartijJson, type PartijRow } from './present.ts';
import { clearVoorkeuren, linkToPartij, partijNummerTaken, PARTIJ_FILTERS } from './repository.ts';

/*
 * Business rules of PARTIJ. A partij's nested `partijIdentificatoren` are written with it (an item with a uuid
 * changes that identificator, one without creates a new one, and identificatoren left out of the list are
 * removed), as are the links to the digitale adressen and rekeningnummers it lists; the preferred adres and
 * rekeningnummer must be among its own.
 */

/** A nested identificator, checked, waiting for the partij's uuid. */
interface PendingIdentificator {
  uuid: string | undefined;
  values: ColumnValues;
}

// The checks run in `values` (before the insert); the writes in `afterWrite`. The body object links the two.
const pendingIdentificatoren = new WeakMap<object, PendingIdentificator[]>();

async function checkIdentificatoren(db: Kysely<Database>, tenantId: string, items: readonly Record<string, unknown>[], partijUuid: string | undefined, problems: InvalidParam[]): Promise<PendingIdentificator[]> {
  const pending: PendingIdentificator[] = [];
  const seen = new Set<string>();
  for (const [index, item] of items.entries()) {
    const prefix = `partijIdentificatoren.${index}.`;
    let current: PartijIdentificatorRow | undefined;
    if (typeof item.uuid === 'string') {
      current = (await resolveReference(db, 'ki_partij_identificatoren', tenantId, { uuid: item.uuid }, `${prefix}uuid`, problems)) ?? undefined;
      if (!current) continue;
      if (current.partij_uuid !== null && current.partij_uuid !== partijUuid) {
        problems.push({ name: `${prefix}uuid`, code: 'invalid', reason: 'Deze identificator hoort bij een andere partij.' });
        continue;
      }
    }
    const before = problems.length;
    const values = await identificatorValues(db, tenantId, item, current, prefix, problems, partijUuid ?? null);
    if (problems.length > before) continue;
    const key = [values.code_soort_object_id, values.object_id, values.code_register, values.code_objecttype, values.sub_identificator_van_uuid].join('\u0000');
    if (seen.has(key) || (await identificatorTaken(db, tenantId, values, current?.uuid, partijUuid))) problems.push(takenProblem(prefix));
    seen.add(key);
    pending.push({ uuid: current?.uuid, values });
  }
  return pending;
}

function referenceList(value: unknown): Reference[] | undefined {
  return Array.isArray(value) ? (value as Reference[]) : undefined;
}

/**
 * The preferred adres or rekeningnummer, which must be one of the partij's own: those listed in this body, or
 * (when the body lists none) those it already has.
 */
async function voorkeur(
  db: Kysely<Database>,
  tenantId: string,
  table: 'ki_digitale_adressen' | 'ki_rekeningnummers',
  field: string,
  reference: Reference | null,
  listed: Reference[] | undefined,
  current: PartijRow | undefined,
  problems: InvalidParam[],
): Promise<string | null> {
  const row = await resolveReference(db, table, tenantId, reference, field, problems);
  if (!row) return null;
  const owner = table === 'ki_digitale_adressen' ? (row as KlantRow<'ki_digitale_adressen'>).verstrekt_door_partij_uuid : (row as KlantRow<'ki_rekeningnummers'>).partij_uuid;
  const own = listed !== undefined ? listed.some((item) => item.uuid === row.uuid) : current !== undefined && owner === current.uuid;
  if (!own) problems.push({ name: field, code: 'invalid', reason: 'De voorkeur moet een van de eigen adressen of rekeningnummers van de partij zijn.' });
  return row.uuid;
}

/** The partijen resource. A partij of soort persoon or contactpersoon is personal data. */
export const partijen: ResourceDefinition<'ki_partijen', PartijJson> = {
  table: 'ki_partijen',
  resource: 'partijen',
  label: 'Partij',
  filters: PARTIJ_FILTERS,
  order: sql`r.created_at, r.uuid`,
  expandable: ['betrokkenen', 'betrokkenen.hadKlantcontact', 'categorieRelaties', 'digitaleAdressen'],

  async values(db, caller, body, current) {
    const tenantId = caller.tenant.id;
    const problems: InvalidParam[] = [];
    const soort = given(body, 'soortPartij', current?.soort_partij ?? '');
    let identificatie = current ? { group: current.partij_identificatie, werkteVoorPartijUuid: current.werkte_voor_partij_uuid } : { group: {}, werkteVoorPartijUuid: null };
    if ('partijIdentificatie' in body || !current) identificatie = await identificatieFor(db, tenantId, soort, body.partijIdentificatie, problems);
    else if (soort !== current.soort_partij) problems.push({ name: 'partijIdentificatie', code: 'required', reason: 'Geef partijIdentificatie mee wanneer soortPartij verandert.' });
    if (identificatie.werkteVoorPartijUuid !== null && identificatie.werkteVoorPartijUuid === current?.uuid) {
      problems.push({ name: 'partijIdentificatie.werkteVoorPartij', code: 'invalid', reason: 'Een partij kan niet voor zichzelf werken.' });
    }

    const chosenNummer = typeof body.nummer === 'string' && body.nummer !== '' ? body.nummer : undefined;
    if (chosenNummer !== undefined && (await partijNummerTaken(db, tenantId, chosenNummer, current?.uuid))) problems.push({ name: 'nummer', code: 'unique', reason: 'Er is al een partij met dit nummer.' });

    const listedAdressen = referenceList(body.digitaleAdressen);
    const listedRekeningnummers = referenceList(body.rekeningnummers);
    if (listedAdressen) await resolveReferences(db, 'ki_digitale_adressen', tenantId, listedAdressen, 'digitaleAdressen', problems);
    if (listedRekeningnummers) await resolveReferences(db, 'ki_rekeningnummers', tenantId, listedRekeningnummers, 'rekeningnummers', problems);
    const voorkeursAdres = 'voorkeursDigitaalAdres' in body
      ? await voorkeur(db, tenantId, 'ki_digitale_adressen', 'voorkeursDigitaalAdres', body.voorkeursDigitaalAdres as Reference | null, listedAdressen, current, problems)
      : (current?.voorkeurs_digitaal_adres_uuid ?? null);
    const voorkeursRekeningnummer = 'voorkeursRekeningnummer' in body
      ? await voorkeur(db, tenantId, 'ki_rekeningnummers', 'voorkeursRekeningnummer', body.voorkeursRekeningnummer as Reference | null, listedRekeningnummers, current, problems)
      : (current?.voorkeurs_rekeningnummer_uuid ?? null);

    if (Array.isArray(body.partijIdentificatoren)) {
      pendingIdentificatoren.set(body, await checkIdentificatoren(db, tenantId, body.partijIdentificatoren as Record<string, unknown>[], current?.uuid, problems));
    }
    if (problems.length > 0) throw invalid(problems);

    let nummer = current?.nummer;
    if (chosenNummer !== undefined) {
      nummer = chosenNummer;
      await reserveNummer(db, tenantId, 'partij', chosenNummer);
    }
    nummer ??= await nextNummer(db, tenantId, 'partij');
    return {
      nummer,
      soort_partij: soort,
      interne_notitie: given(body, 'interneNotitie', current?.interne_notitie ?? ''),
      indicatie_geheimhouding: given(body, 'indicatieGeheimhouding', current?.indicatie_geheimhouding ?? null),
      voorkeurstaal: given(body, 'voorkeurstaal', current?.voorkeurstaal ?? ''),
      indicatie_actief: given(body, 'indicatieActief', current?.indicatie_actief ?? true),
      voorkeurs_digitaal_adres_uuid: voorkeursAdres,
      voorkeurs_rekeningnummer_uuid: voorkeursRekeningnummer,
      bezoekadres: 'bezoekadres' in body ? storedGroup(body.bezoekadres as never, adresGroup) : current?.bezoekadres ? JSON.stringify(current.bezoekadres) : null,
      correspondentieadres: 'correspondentieadres' in body ? storedGroup(body.correspondentieadres as never, adresGroup) : current?.correspondentieadres ? JSON.stringify(current.correspondentieadres) : null,
      partij_identificatie: JSON.stringify(identificatie.group),
      werkte_voor_partij_uuid: identificatie.werkteVoorPartijUuid,
    };
  },

  async afterWrite(db, caller, row, body) {
    const tenantId = caller.tenant.id;
    const pending = pendingIdentificatoren.get(body);
    if (pending) {
      // The ones left out go first, so a new item may take the codes of one it replaces.
      await deleteOtherIdentificatoren(db, tenantId, row.uuid, pending.flatMap((item) => item.uuid ?? []));
      for (const item of pending) {
        const values = { ...item.values, partij_uuid: row.uuid };
        if (item.uuid) await updateRow(db, 'ki_partij_identificatoren', tenantId, item.uuid, values);
        else await insertRow(db, 'ki_partij_identificatoren', tenantId, values);
      }
    }
    const adressen = referenceList(body.digitaleAdressen);
    if (adressen) await linkToPartij(db, tenantId, 'ki_digitale_adressen', row.uuid, adressen.flatMap((item) => item.uuid ?? []));
    const rekeningnummers = referenceList(body.rekeningnummers);
    if (rekeningnummers) await linkToPartij(db, tenantId, 'ki_rekeningnummers', row.uuid, rekeningnummers.flatMap((item) => item.uuid ?? []));
  },

  async beforeDelete(db, caller, row) {
    await clearVoorkeuren(db, caller.tenant.id, row.uuid);
  },

  present: (db, caller: KlantCaller, rows, expand) => presentPartijen(db, caller, rows, expand),

  async logProcessing(deps, caller, operation, rows, query) {
    await logPartijProcessing(deps, caller, 'partijen', operation, rows.map((row) => row.uuid), [searchedBsn(query, 'partijIdentificator__codeSoortObjectId', 'partijIdentificator__objectId')]);
  },
};
