import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import { listEigenschappen } from '../eigenschappen/repository.ts';
import { retrieveEigenschap } from '../eigenschappen/service.ts';
import { listResultaattypen } from '../resultaattypen/repository.ts';
import { retrieveResultaattype } from '../resultaattypen/service.ts';
import { listRoltypen } from '../roltypen/repository.ts';
import { retrieveRoltype } from '../roltypen/service.ts';
import { listStatustypen } from '../statustypen/repository.ts';
import { retrieveStatustype } from '../statustypen/service.ts';
import { listZaakobjecttypen } from '../zaakobjecttypen/repository.ts';
import { retrieveZaakobjecttype } from '../zaakobjecttypen/service.ts';
import { listZaaktypeInformatieobjecttypen } from '../zaaktype-informatieobjecttypen/repository.ts';
import { retrieveZaaktypeInformatieobjecttype } from '../zaaktype-informatieobjecttypen/service.ts';
import type { ZaaktypeFilter } from '../zaaktype-onderdelen/query.ts';
import type { Attributes, JsonValue, ZaaktypeExport, ZaaktypeList } from './format.ts';
import { toPublicSelectielijstUrl } from './selectielijst.ts';
import type { SystemCaller } from './system-caller.ts';

/*
 * The parts of one zaaktype in the file's form. Within a zaaktype the file names a statustype by its volgnummer, so
 * the statustypen are read first to translate the URLs that point at them.
 */

type ListPage<Row> = (db: Kysely<Database>, tenantId: string, filter: Pick<ZaaktypeFilter, 'zaaktypeUuid'>, window: { limit: number; offset: number }) => Promise<{ count: number; rows: Row[] }>;

const PAGE = 500;

/** Every stored part of one kind of the zaaktype. */
async function partRows<Row>(db: Kysely<Database>, tenantId: string, zaaktypeUuid: string, list: ListPage<Row>): Promise<Row[]> {
  const rows: Row[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await list(db, tenantId, { zaaktypeUuid }, { limit: PAGE, offset });
    rows.push(...page.rows);
    if (offset + PAGE >= page.count) return rows;
  }
}

/** API JSON as file attributes; the file's shape later keeps only what belongs in it. */
function asAttributes(json: object): Attributes {
  return JSON.parse(JSON.stringify(json)) as Attributes;
}

function textList(value: unknown): JsonValue[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** The parts of a zaaktype, each list in the file's form (serializeExport sorts and trims them). */
export async function exportZaaktypeParts(db: Kysely<Database>, caller: SystemCaller, base: string, zaaktypeUuid: string): Promise<Pick<ZaaktypeExport, ZaaktypeList>> {
  const tenantId = caller.tenant.id;
  const uuids = async <Row extends { uuid: string }>(list: ListPage<Row>) => (await partRows(db, tenantId, zaaktypeUuid, list)).map((row) => row.uuid);

  const statustypen = await Promise.all((await uuids(listStatustypen)).map((uuid) => retrieveStatustype(db, caller, base, uuid)));
  const volgnummers = new Map(statustypen.map((statustype) => [statustype.url, statustype.volgnummer]));
  const volgnummerOf = (url: unknown) => (typeof url === 'string' ? (volgnummers.get(url) ?? null) : null);

  const eigenschappen = await Promise.all(
    (await uuids(listEigenschappen)).map(async (uuid) => {
      const json = await retrieveEigenschap(db, caller, base, uuid);
      return asAttributes({ ...json, statustype: volgnummerOf(json.statustype) });
    }),
  );
  const resultaattypen = await Promise.all(
    (await uuids(listResultaattypen)).map(async (uuid) => {
      const json = await retrieveResultaattype(db, caller, base, uuid);
      return asAttributes({
        ...json,
        resultaattypeomschrijving: toPublicSelectielijstUrl('resultaattypeomschrijvingen', json.resultaattypeomschrijving),
        selectielijstklasse: toPublicSelectielijstUrl('resultaten', json.selectielijstklasse),
        besluittypen: textList(json.besluittypeOmschrijving),
        informatieobjecttypen: textList(json.informatieobjecttypeOmschrijving),
      });
    }),
  );
  const roltypen = await Promise.all((await uuids(listRoltypen)).map(async (uuid) => asAttributes(await retrieveRoltype(db, caller, base, uuid))));
  // The API shows the informatieobjecttype as the URL of the version valid today; the file keeps the stored name.
  const zaaktypeInformatieobjecttypen = await Promise.all(
    (await partRows(db, tenantId, zaaktypeUuid, listZaaktypeInformatieobjecttypen)).map(async (row) => {
      const json = await retrieveZaaktypeInformatieobjecttype(db, caller, base, row.uuid);
      return asAttributes({ ...json, informatieobjecttype: row.informatieobjecttype_omschrijving, statustype: volgnummerOf(json.statustype) });
    }),
  );
  const zaakobjecttypen = await Promise.all((await uuids(listZaakobjecttypen)).map(async (uuid) => asAttributes(await retrieveZaakobjecttype(db, caller, base, uuid))));

  return { statustypen: statustypen.map(asAttributes), resultaattypen, roltypen, eigenschappen, zaaktypeInformatieobjecttypen, zaakobjecttypen };
}
