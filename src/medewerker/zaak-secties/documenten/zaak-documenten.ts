import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { AppContext } from '../../../platform/context.ts';
import { ProblemError } from '../../../platform/errors/problem.ts';
import { DEFAULT_PART_SIZE } from '../../../components/documenten/routes.ts';
import { retrieveInformatieobjectVersies, retrieveReadableInformatieobjecten, type DocumentenDeps } from '../../../components/documenten/informatieobjecten/service.ts';
import { createDocumentStorage } from '../../../components/documenten/storage/storage.ts';
import { documentenBaseUrl, informatieobjecttypeUuidFromUrl, informatieobjectUuidFromUrl } from '../../../components/documenten/shared/urls.ts';
import { zakenDocumenten } from '../../../components/documenten/local-documenten.ts';
import { relationExpanders } from '../../../components/zaken/expand/relation-expanders.ts';
import { listZaakinformatieobjectAll, type ZaakinformatieobjectDeps } from '../../../components/zaken/zaakinformatieobjecten/service.ts';
import { zakenBaseUrl } from '../../../components/zaken/shared/urls.ts';
import type { ZaakSectieContext } from '../../zaken/zaak-sectie.ts';
import { vergrendelingenVan, type Vergrendeling } from './vergrendelingen.ts';

/*
 * The documents of a zaak as the staff member sees them: the zaak's zaakinformatieobjecten (Zaken API) and, for each,
 * the document from the Documenten API with the member's own autorisaties, so a document of a type or
 * vertrouwelijkheid beyond their reach is simply not listed (and cannot be downloaded).
 */

/** One document of the zaak, as the section shows it. */
export interface ZaakDocument {
  uuid: string;
  titel: string;
  bestandsnaam: string;
  formaat: string;
  typeOmschrijving: string;
  versie: number;
  creatiedatum: string;
  bestandsomvang: number | null;
  vertrouwelijkheidaanduiding: string;
  heeftInhoud: boolean;
  /** Locked in the Documenten API (by a member through this page, or by another application). */
  locked: boolean;
  /** Who locked it through the zaak page, when a member did. */
  vergrendeling: Vergrendeling | undefined;
}

const storages = new Map<string, DocumentenDeps['storage']>();

/** The Documenten services' dependencies for this process (the storage under the data directory). */
export function documentenDeps(context: AppContext, db: Kysely<Database> = context.database.db): DocumentenDeps {
  let storage = storages.get(context.config.dataDir);
  if (!storage) {
    storage = createDocumentStorage(context.config.dataDir);
    storages.set(context.config.dataDir, storage);
  }
  return { db, keys: context.keys, storage, partSize: DEFAULT_PART_SIZE };
}

/** The Zaken services' dependencies for zaakinformatieobjecten (the local Documenten API, no private networks). */
export function zaakinformatieobjectDeps(db: Kysely<Database>): ZaakinformatieobjectDeps {
  return { db, expanders: relationExpanders(), documenten: zakenDocumenten({ allowPrivateNetworks: false }) };
}

async function typeOmschrijvingen(db: Kysely<Database>, tenantId: string, uuids: readonly string[]): Promise<Map<string, string>> {
  if (uuids.length === 0) return new Map();
  const rows = await db.selectFrom('informatieobjecttypen').select(['uuid', 'omschrijving']).where('tenant_id', '=', tenantId).where('uuid', 'in', [...new Set(uuids)]).execute();
  return new Map(rows.map((row) => [row.uuid, row.omschrijving]));
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The zaak's documents the member may read, newest relation last (the order of the Zaken API). */
export async function listZaakDocumenten(ctx: ZaakSectieContext): Promise<ZaakDocument[]> {
  const db = ctx.context.database.db;
  const relaties = await listZaakinformatieobjectAll(zaakinformatieobjectDeps(db), ctx.zaken.caller, zakenBaseUrl(ctx.request), { zaak: ctx.zaak.url });
  const uuids = relaties.flatMap((relatie) => informatieobjectUuidFromUrl(relatie.informatieobject)?.toLowerCase() ?? []);
  // One read for all documents, with the member's own autorisaties: a document they may not read is left out.
  const readable = await retrieveReadableInformatieobjecten(documentenDeps(ctx.context), ctx.zaken.caller, documentenBaseUrl(ctx.request), uuids);
  const documenten = uuids.flatMap((uuid) => {
    const json = readable.get(uuid);
    return json ? [{ uuid, json }] : [];
  });
  const types = await typeOmschrijvingen(db, ctx.request.tenant.id, documenten.map(({ json }) => informatieobjecttypeUuidFromUrl(text(json.informatieobjecttype)) ?? '').filter((uuid) => uuid !== ''));
  const vergrendelingen = await vergrendelingenVan(db, ctx.request.tenant.id, documenten.map(({ uuid }) => uuid), ctx.request.staff?.userId);
  return documenten.map(({ uuid, json }) => ({
    uuid,
    titel: text(json.titel),
    bestandsnaam: text(json.bestandsnaam),
    formaat: text(json.formaat),
    typeOmschrijving: types.get(informatieobjecttypeUuidFromUrl(text(json.informatieobjecttype)) ?? '') ?? 'Onbekend type',
    versie: json.versie,
    creatiedatum: text(json.creatiedatum),
    bestandsomvang: typeof json.bestandsomvang === 'number' ? json.bestandsomvang : null,
    vertrouwelijkheidaanduiding: text(json.vertrouwelijkheidaanduiding),
    heeftInhoud: typeof json.inhoud === 'string',
    locked: json.locked === true,
    vergrendeling: json.locked === true ? vergrendelingen.get(uuid) : undefined,
  }));
}

/** One document of this zaak the member may read (404 when it is not related to the zaak or not readable). */
export async function findZaakDocument(ctx: ZaakSectieContext, documentUuid: string): Promise<ZaakDocument> {
  const documenten = await listZaakDocumenten(ctx);
  const document = documenten.find((candidate) => candidate.uuid === documentUuid.toLowerCase());
  if (!document) throw new ProblemError('not_found', 'Dit document hoort niet bij deze zaak of u mag het niet inzien.');
  return document;
}

/** One version of a document, as the document page lists them. */
export interface DocumentVersie {
  versie: number;
  beginRegistratie: string;
  bestandsnaam: string;
  bestandsomvang: number | null;
  auteur: string;
  heeftInhoud: boolean;
}

/**
 * Every version of the document the member may read, newest first (the Documenten API keeps each one readable with
 * ?versie=), read in one go rather than one retrieve per version.
 */
export async function listDocumentVersies(ctx: ZaakSectieContext, document: ZaakDocument): Promise<DocumentVersie[]> {
  const versies = await retrieveInformatieobjectVersies(documentenDeps(ctx.context), ctx.zaken.caller, documentenBaseUrl(ctx.request), document.uuid);
  return versies.map((json) => ({
    versie: json.versie,
    beginRegistratie: text(json.beginRegistratie),
    bestandsnaam: text(json.bestandsnaam),
    bestandsomvang: typeof json.bestandsomvang === 'number' ? json.bestandsomvang : null,
    auteur: text(json.auteur),
    heeftInhoud: typeof json.inhoud === 'string',
  }));
}

/** The informatieobjecttypen a document of this zaak may have: the published ones the zaaktype names, valid today. */
export async function informatieobjecttypenVanZaaktype(db: Kysely<Database>, tenantId: string, zaaktypeUuid: string, today: string): Promise<{ uuid: string; omschrijving: string; vertrouwelijkheidaanduiding: string }[]> {
  return db
    .selectFrom('informatieobjecttypen as iot')
    .innerJoin('zaaktypen as zt', (join) => join.onRef('zt.catalogus_uuid', '=', 'iot.catalogus_uuid').onRef('zt.tenant_id', '=', 'iot.tenant_id'))
    .innerJoin('zaaktype_informatieobjecttypen as zit', (join) => join.onRef('zit.zaaktype_uuid', '=', 'zt.uuid').onRef('zit.informatieobjecttype_omschrijving', '=', 'iot.omschrijving'))
    .select(['iot.uuid', 'iot.omschrijving', 'iot.vertrouwelijkheidaanduiding'])
    .distinct()
    .where('iot.tenant_id', '=', tenantId)
    .where('zt.uuid', '=', zaaktypeUuid)
    .where('iot.concept', '=', false)
    .where('iot.begin_geldigheid', '<=', today)
    .where((eb) => eb.or([eb('iot.einde_geldigheid', 'is', null), eb('iot.einde_geldigheid', '>=', today)]))
    .orderBy('iot.omschrijving')
    .execute();
}
