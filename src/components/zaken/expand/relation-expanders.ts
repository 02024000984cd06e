import type { Expander } from '../shared/relation-expand.ts';
import { findStatusViews } from '../statussen/repository.ts';
import { presentStatus } from '../statussen/present.ts';
import { findRolViews } from '../rollen/repository.ts';
import { presentRol } from '../rollen/present.ts';
import { presentZaakinformatieobject } from '../zaakinformatieobjecten/present.ts';
import { findZaken } from '../zaken/repository.ts';
import { presentZaakRows } from '../zaken/present-rows.ts';
import { loadCatalogusObjects, type ZaakCatalogusKind } from './catalogus-objects.ts';
import { findZaakinformatieobjecten } from './repository.ts';

/*
 * The lookups the zaak's relation resources (statussen, rollen, zaakobjecten, …) use for their own `expand`: the
 * objects their attributes point to, presented by the resources that own them. Handed to every resource where the
 * Zaken API registers its routes, so no resource needs to know another's tables. A resource asks only for the
 * relations it has; authorisation on the row that points to them was checked already.
 */

function byUuid<T extends { uuid: string }>(objects: readonly T[]): Map<string, T> {
  return new Map(objects.map((object) => [object.uuid, object]));
}

/** A catalogue type as the Catalogi API beside this Zaken API presents it. */
function catalogusType(kind: ZaakCatalogusKind): Expander {
  return (db, tenantId, uuids, base) => loadCatalogusObjects(db, tenantId, base, kind, uuids, new Map());
}

const zaak: Expander = async (db, tenantId, uuids, base) => {
  const rows = await findZaken(db, tenantId, uuids);
  return byUuid(await presentZaakRows(db, tenantId, rows, base));
};

const status: Expander = async (db, tenantId, uuids, base) => byUuid((await findStatusViews(db, tenantId, uuids)).map((view) => presentStatus(view, base)));

const rol: Expander = async (db, tenantId, uuids, base) => byUuid((await findRolViews(db, tenantId, uuids)).map((view) => presentRol(view, base)));

const zaakinformatieobject: Expander = async (db, tenantId, uuids, base) =>
  byUuid((await findZaakinformatieobjecten(db, tenantId, uuids)).map((row) => presentZaakinformatieobject(row, base)));

/** Every relation a zaak's relation resource may expand, by the name the spec gives it. */
export function relationExpanders(): Record<string, Expander> {
  return {
    zaak,
    zaaktype: catalogusType('zaaktype'),
    statustype: catalogusType('statustype'),
    resultaattype: catalogusType('resultaattype'),
    roltype: catalogusType('roltype'),
    eigenschap: catalogusType('eigenschap'),
    zaakobjecttype: catalogusType('zaakobjecttype'),
    status,
    statussen: status,
    gezetdoor: rol,
    zaakinformatieobjecten: zaakinformatieobject,
  };
}
