import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, Tenant } from '../../platform/database/schema.ts';
import type { Keys } from '../../platform/crypto/keys.ts';
import type { TraceContext } from '../../platform/http/trace-context.ts';
import type { InvalidParam } from '../../platform/errors/catalogue.ts';
import type { ResidentIdentity } from '../../platform/auth/resident-session.ts';
import { invalid, ProblemError } from '../../platform/errors/problem.ts';
import { inTransaction } from '../../platform/database/transaction.ts';
import { amsterdamToday } from '../../kennisbank/dates.ts';
import { createInformatieobject, removeUnusedBlobs } from '../../components/documenten/informatieobjecten/service.ts';
import type { DocumentStorage } from '../../components/documenten/storage/storage.ts';
import { documentenBaseUrl, informatieobjecttypeUrl } from '../../components/documenten/shared/urls.ts';
import type { DocumentenCaller } from '../../components/documenten/shared/caller.ts';
import type { ZakenCaller } from '../../components/zaken/shared/caller.ts';
import { createZaakinformatieobject } from '../../components/zaken/zaakinformatieobjecten/service.ts';
import { zaaktypeKnowsInformatieobjecttype } from '../../components/zaken/zaakinformatieobjecten/repository.ts';
import { relationExpanders } from '../../components/zaken/expand/relation-expanders.ts';
import { zakenDocumenten } from '../../components/documenten/local-documenten.ts';
import { zaakUrl, zakenBaseUrl } from '../../components/zaken/shared/urls.ts';
import type { OwnZaak } from './zaken-repository.ts';
import { findDocumentverzoek, insertDocumentverzoek, markIngediend } from './documentverzoeken-repository.ts';

/** The largest file a resident may hand in. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** The file types a resident may hand in, by media type, with the extensions the form names. */
export const ALLOWED_TYPES: Readonly<Record<string, string>> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPG',
  'image/png': 'PNG',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'application/vnd.oasis.opendocument.text': 'ODT',
};

/** The first bytes each allowed type starts with: a file is judged by its content, not by the name it was given. */
const SIGNATURES: Readonly<Record<string, readonly number[]>> = {
  'application/pdf': [0x25, 0x50, 0x44, 0x46],
  'image/jpeg': [0xff, 0xd8, 0xff],
  'image/png': [0x89, 0x50, 0x4e, 0x47],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': [0x50, 0x4b, 0x03, 0x04],
  'application/vnd.oasis.opendocument.text': [0x50, 0x4b, 0x03, 0x04],
};

/** The request a behandelaar makes. */
export interface DocumentverzoekInput {
  zaakUuid: string;
  omschrijving: string;
  informatieobjecttypeUuid: string;
  deadline?: string;
  aangevraagdDoor: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A behandelaar asks the initiator of a zaak for a document: of an informatieobjecttype the zaaktype knows (so the
 * document it becomes can be related to the zaak), with an optional deadline. 404 for a zaak of another tenant.
 */
export async function createDocumentverzoek(db: Kysely<Database>, tenantId: string, input: DocumentverzoekInput): Promise<string> {
  const problems: InvalidParam[] = [];
  const omschrijving = input.omschrijving.trim();
  if (omschrijving === '') problems.push({ name: 'omschrijving', code: 'required', reason: 'Beschrijf welk document u vraagt.' });
  else if (omschrijving.length > 1000) problems.push({ name: 'omschrijving', code: 'max_length', reason: 'Gebruik hoogstens 1000 tekens.' });
  if (input.deadline !== undefined && input.deadline !== '' && (!DATE.test(input.deadline) || Number.isNaN(Date.parse(input.deadline)))) {
    problems.push({ name: 'deadline', code: 'invalid', reason: 'Geef de uiterste datum als JJJJ-MM-DD.' });
  }
  if (!UUID.test(input.informatieobjecttypeUuid)) problems.push({ name: 'informatieobjecttype', code: 'invalid', reason: 'Kies een informatieobjecttype.' });
  if (!UUID.test(input.zaakUuid)) throw new ProblemError('not_found', 'Deze zaak bestaat niet.');
  if (problems.length > 0) throw invalid(problems);
  return inTransaction(db, async (trx) => {
    const zaak = await trx.selectFrom('zaken').select(['uuid', 'zaaktype_uuid']).where('tenant_id', '=', tenantId).where('uuid', '=', input.zaakUuid.toLowerCase()).executeTakeFirst();
    if (!zaak) throw new ProblemError('not_found', 'Deze zaak bestaat niet.');
    if (!(await zaaktypeKnowsInformatieobjecttype(trx, tenantId, zaak.zaaktype_uuid, input.informatieobjecttypeUuid.toLowerCase()))) {
      throw invalid([{ name: 'informatieobjecttype', code: 'missing-zaaktype-informatieobjecttype-relation', reason: 'Het informatieobjecttype hoort niet bij het zaaktype van de zaak.' }]);
    }
    return insertDocumentverzoek(trx, {
      tenantId,
      zaakUuid: zaak.uuid,
      omschrijving,
      informatieobjecttypeUuid: input.informatieobjecttypeUuid.toLowerCase(),
      deadline: input.deadline === undefined || input.deadline === '' ? null : input.deadline,
      aangevraagdDoor: input.aangevraagdDoor,
    });
  });
}

/** A file the resident handed in (read whole: it is at most MAX_UPLOAD_BYTES). */
export interface HandedInFile {
  bestandsnaam: string;
  formaat: string;
  bytes: Buffer;
}

/** Problems with a handed-in file, by the form's field `bestand`: missing, empty, too large or of a type not allowed. */
export function fileProblems(file: HandedInFile | undefined, tooLarge: boolean): InvalidParam[] {
  const problem = (code: string, reason: string): InvalidParam[] => [{ name: 'bestand', code, reason }];
  if (tooLarge) return problem('too_large', `Het bestand is groter dan ${MAX_UPLOAD_BYTES / 1024 / 1024} MB. Kies een kleiner bestand.`);
  if (!file || file.bestandsnaam === '') return problem('required', 'Kies een bestand.');
  if (file.bytes.length === 0) return problem('empty', 'Het bestand is leeg. Kies een ander bestand.');
  const signature = SIGNATURES[file.formaat];
  if (signature === undefined || !signature.every((byte, index) => file.bytes[index] === byte)) {
    return problem('type', `Dit soort bestand kunnen wij niet ontvangen. Kies een ${Object.values(ALLOWED_TYPES).join(', ')}-bestand.`);
  }
  return [];
}

/** What handing in needs besides the database: where document bytes live. */
export interface HandInDeps {
  db: Kysely<Database>;
  keys: Pick<Keys, 'pseudonymise'>;
  storage: DocumentStorage;
  partSize: number;
}

/** The request and resident handing in, as the services' caller needs them. */
export interface ResidentCaller {
  id: string;
  tenant: Tenant;
  trace: TraceContext;
  protocol: 'http' | 'https';
  host: string;
  url: string;
  resident: ResidentIdentity;
}

/**
 * The services' caller for the resident's hand-in: the portal itself as the application (it has checked that the
 * resident is the initiator and that the request is open), the resident by name as the user in the audit trail.
 * Never the BSN: the audit trail is no place for it.
 */
function portalCaller(caller: ResidentCaller): DocumentenCaller & ZakenCaller {
  return {
    id: caller.id,
    headers: {},
    tenant: caller.tenant,
    trace: caller.trace,
    staff: undefined,
    protocol: caller.protocol,
    host: caller.host,
    url: caller.url,
    apiCaller: {
      clientId: 'loket-portaal',
      userId: caller.resident.soort === 'bsn' ? 'inwoner' : 'ondernemer',
      userRepresentation: caller.resident.naam === '' ? 'Inwoner' : caller.resident.naam,
      heeftAlleAutorisaties: true,
      scopes: [],
      autorisaties: [],
      alleenIsGereedVoorPublicatie: false,
    },
  };
}

/**
 * The resident hands in the document a behandelaar asked for. In one transaction, through the Documenten and Zaken
 * services (so their rules, audit trail and notifications apply): the document (the request's informatieobjecttype,
 * vertrouwelijkheid zaakvertrouwelijk, the resident as auteur), its relation to the zaak, and the request marked
 * ingediend. The request's row is locked first, so two hand-ins of one request cannot both pass. When anything fails
 * nothing stays behind: the transaction rolls back and stored bytes no document uses are removed.
 */
export async function handInDocument(deps: HandInDeps, caller: ResidentCaller, zaak: OwnZaak, verzoekUuid: string, file: HandedInFile, now: Date = new Date()): Promise<{ documentUuid: string }> {
  const services = portalCaller(caller);
  const documentenBase = documentenBaseUrl(caller);
  const zakenBase = zakenBaseUrl(caller);
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  let committed = false;
  try {
    const result = await inTransaction(deps.db, async (trx) => {
      const verzoek = await findDocumentverzoek(trx, caller.tenant.id, zaak.uuid, verzoekUuid, { forUpdate: true });
      if (!verzoek) throw new ProblemError('not_found', 'Dit verzoek om een document bestaat niet.');
      if (verzoek.status !== 'open') throw new ProblemError('conflict', 'U heeft dit document al ingediend.');
      const document = await createInformatieobject({ db: trx, keys: deps.keys, storage: deps.storage, partSize: deps.partSize }, services, documentenBase, {
        bronorganisatie: caller.tenant.rsin,
        creatiedatum: amsterdamToday(now),
        titel: verzoek.omschrijving.slice(0, 200),
        vertrouwelijkheidaanduiding: 'zaakvertrouwelijk',
        auteur: (caller.resident.naam === '' ? 'Inwoner' : caller.resident.naam).slice(0, 200),
        taal: 'dut',
        formaat: file.formaat,
        bestandsnaam: file.bestandsnaam.slice(0, 255),
        inhoud: file.bytes.toString('base64'),
        ontvangstdatum: amsterdamToday(now),
        informatieobjecttype: informatieobjecttypeUrl(documentenBase, verzoek.informatieobjecttypeUuid),
        beschrijving: 'Ingediend via Mijn omgeving',
      });
      const documentUuid = document.url.slice(document.url.lastIndexOf('/') + 1);
      await createZaakinformatieobject({ db: trx, expanders: relationExpanders(), documenten: zakenDocumenten({ allowPrivateNetworks: false }) }, services, zakenBase, {
        zaak: zaakUrl(zakenBase, zaak.uuid),
        informatieobject: document.url,
        titel: verzoek.omschrijving.slice(0, 200),
      });
      await markIngediend(trx, caller.tenant.id, verzoek.uuid, documentUuid, now);
      return { documentUuid };
    });
    committed = true;
    return result;
  } finally {
    if (!committed) await removeUnusedBlobs(deps, caller.tenant.id, [sha256]);
  }
}
