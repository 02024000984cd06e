import { createHash } from 'node:crypto';
import { inTransaction } from '../../../platform/database/transaction.ts';
import { ProblemError } from '../../../platform/errors/problem.ts';
import { amsterdamToday } from '../../../kennisbank/dates.ts';
import {
  changeInformatieobject,
  createInformatieobject,
  lockInformatieobject,
  removeUnusedBlobs,
  unlockInformatieobject,
} from '../../../components/documenten/informatieobjecten/service.ts';
import { findDocument } from '../../../components/documenten/informatieobjecten/repository.ts';
import { documentenBaseUrl, informatieobjecttypeUrl } from '../../../components/documenten/shared/urls.ts';
import { createZaakinformatieobject } from '../../../components/zaken/zaakinformatieobjecten/service.ts';
import { zakenBaseUrl } from '../../../components/zaken/shared/urls.ts';
import type { ZaakSectieContext } from '../../zaken/zaak-sectie.ts';
import { assertMagWijzigen } from '../sectie-zaak.ts';
import type { UploadedFile } from './document-upload-body.ts';
import { bewaarVergrendeling, eigenLockId, vergeetVergrendeling } from './vergrendelingen.ts';
import { documentenDeps, findZaakDocument, zaakinformatieobjectDeps } from './zaak-documenten.ts';

/*
 * The changes a member makes to the zaak's documents, each through the Documenten and Zaken services (their rules,
 * audit trail naming the member, notifications) and each in one transaction, so a failure leaves nothing behind:
 * the transaction rolls back and stored bytes no document uses are removed. Every action re-checks on the server
 * that the member handles the zaak and that it is open.
 */

/** A change the document's lock stands in the way of; the page says so in words. */
export class DocumentVergrendeldError extends Error {
  constructor(readonly reden: string) {
    super(reden);
    this.name = 'DocumentVergrendeldError';
  }
}

function staffOf(ctx: ZaakSectieContext): { userId: string; displayName: string } {
  const staff = ctx.request.staff;
  if (!staff) throw new ProblemError('not_authenticated');
  return staff;
}

const sha256Of = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** What a new document needs from the form (already checked by the form's validation). */
export interface NieuwDocument {
  titel: string;
  informatieobjecttypeUuid: string;
  /** Empty: the informatieobjecttype's own aanduiding (drc-007). */
  vertrouwelijkheidaanduiding: string;
  beschrijving: string;
  bestand: UploadedFile;
}

/** Adds a document to the zaak: the document (the member as auteur) and its relation to the zaak, in one transaction. */
export async function voegDocumentToe(ctx: ZaakSectieContext, nieuw: NieuwDocument, now: Date = new Date()): Promise<{ documentUuid: string }> {
  assertMagWijzigen(ctx);
  const staff = staffOf(ctx);
  const db = ctx.context.database.db;
  const documentenBase = documentenBaseUrl(ctx.request);
  let committed = false;
  try {
    const result = await inTransaction(db, async (trx) => {
      const document = await createInformatieobject(documentenDeps(ctx.context, trx), ctx.zaken.caller, documentenBase, {
        bronorganisatie: ctx.request.tenant.rsin,
        creatiedatum: amsterdamToday(now),
        titel: nieuw.titel,
        ...(nieuw.vertrouwelijkheidaanduiding === '' ? {} : { vertrouwelijkheidaanduiding: nieuw.vertrouwelijkheidaanduiding }),
        auteur: staff.displayName.slice(0, 200),
        taal: 'dut',
        status: 'in_bewerking',
        formaat: nieuw.bestand.formaat.slice(0, 255),
        bestandsnaam: nieuw.bestand.bestandsnaam.slice(0, 255),
        inhoud: nieuw.bestand.bytes.toString('base64'),
        beschrijving: nieuw.beschrijving,
        informatieobjecttype: informatieobjecttypeUrl(documentenBase, nieuw.informatieobjecttypeUuid),
      });
      await createZaakinformatieobject(zaakinformatieobjectDeps(trx), ctx.zaken.caller, zakenBaseUrl(ctx.request), {
        zaak: ctx.zaak.url,
        informatieobject: document.url,
        titel: nieuw.titel,
      });
      return { documentUuid: document.url.slice(document.url.lastIndexOf('/') + 1) };
    });
    committed = true;
    return result;
  } finally {
    if (!committed) await removeUnusedBlobs(documentenDeps(ctx.context), ctx.request.tenant.id, [sha256Of(nieuw.bestand.bytes)]);
  }
}

/** The lock the change needs: the member's own, none (the document is free), or a refusal naming who holds it. */
async function lockVoorWijziging(ctx: ZaakSectieContext, documentUuid: string): Promise<{ eigenLock: string | undefined }> {
  const db = ctx.context.database.db;
  const tenantId = ctx.request.tenant.id;
  const document = await findDocument(db, tenantId, documentUuid);
  if (!document) throw new ProblemError('not_found', 'Dit document bestaat niet.');
  if (document.lock === '') return { eigenLock: undefined };
  const eigen = await eigenLockId(db, tenantId, documentUuid, staffOf(ctx).userId);
  if (eigen !== undefined && eigen === document.lock) return { eigenLock: eigen };
  throw new DocumentVergrendeldError('Dit document is vergrendeld door iemand anders. Een nieuwe versie kan pas als die het document heeft ontgrendeld.');
}

/**
 * A new version with new content, the Documenten API way: lock, update, unlock (one transaction, so the document is
 * never left locked by a failed upload). A document the member locked stays locked by them; one locked by someone
 * else is refused. The version number goes up; the older versions stay retrievable.
 */
export async function nieuweVersie(ctx: ZaakSectieContext, documentUuid: string, bestand: UploadedFile): Promise<{ versie: number }> {
  assertMagWijzigen(ctx);
  const document = await findZaakDocument(ctx, documentUuid);
  const { eigenLock } = await lockVoorWijziging(ctx, document.uuid);
  const db = ctx.context.database.db;
  const base = documentenBaseUrl(ctx.request);
  let committed = false;
  try {
    const result = await inTransaction(db, async (trx) => {
      const deps = documentenDeps(ctx.context, trx);
      const lock = eigenLock ?? (await lockInformatieobject(deps, ctx.zaken.caller, document.uuid)).lock;
      const changed = await changeInformatieobject(
        deps,
        ctx.zaken.caller,
        base,
        document.uuid,
        { lock, inhoud: bestand.bytes.toString('base64'), bestandsnaam: bestand.bestandsnaam.slice(0, 255), formaat: bestand.formaat.slice(0, 255), auteur: staffOf(ctx).displayName.slice(0, 200) },
        true,
      );
      if (eigenLock === undefined) await unlockInformatieobject(deps, ctx.zaken.caller, document.uuid, lock);
      return { versie: changed.versie };
    });
    committed = true;
    return result;
  } catch (error) {
    // Another member locked it between the check and the change: the same refusal as before.
    if (error instanceof ProblemError && error.invalidParams.some((param) => param.code === 'existing-lock' || param.code === 'incorrect-lock-id')) {
      throw new DocumentVergrendeldError('Dit document is intussen vergrendeld door iemand anders. Probeer het later opnieuw.');
    }
    throw error;
  } finally {
    if (!committed) await removeUnusedBlobs(documentenDeps(ctx.context), ctx.request.tenant.id, [sha256Of(bestand.bytes)]);
  }
}

/** Locks the document for the member while they edit it; the lock id is kept server-side for them alone. */
export async function vergrendelDocument(ctx: ZaakSectieContext, documentUuid: string): Promise<void> {
  assertMagWijzigen(ctx);
  const document = await findZaakDocument(ctx, documentUuid);
  if (document.locked) throw new DocumentVergrendeldError('Dit document is al vergrendeld.');
  const tenantId = ctx.request.tenant.id;
  try {
    await inTransaction(ctx.context.database.db, async (trx) => {
      const { lock } = await lockInformatieobject(documentenDeps(ctx.context, trx), ctx.zaken.caller, document.uuid);
      await bewaarVergrendeling(trx, tenantId, document.uuid, staffOf(ctx).userId, lock);
    });
  } catch (error) {
    if (error instanceof ProblemError && error.invalidParams.some((param) => param.code === 'existing-lock')) throw new DocumentVergrendeldError('Dit document is intussen door iemand anders vergrendeld.');
    throw error;
  }
}

/** Unlocks a document the member locked; nobody else can (they do not have the lock id). */
export async function ontgrendelDocument(ctx: ZaakSectieContext, documentUuid: string): Promise<void> {
  assertMagWijzigen(ctx);
  const document = await findZaakDocument(ctx, documentUuid);
  const tenantId = ctx.request.tenant.id;
  const db = ctx.context.database.db;
  const lock = await eigenLockId(db, tenantId, document.uuid, staffOf(ctx).userId);
  if (lock === undefined) throw new DocumentVergrendeldError('U heeft dit document niet vergrendeld, dus u kunt het ook niet ontgrendelen.');
  const stored = await findDocument(db, tenantId, document.uuid);
  if (!stored || stored.lock !== lock) {
    // The Documenten API no longer has this lock (an application forced an unlock): only the record is left.
    await vergeetVergrendeling(db, tenantId, document.uuid);
    return;
  }
  await inTransaction(db, async (trx) => {
    await unlockInformatieobject(documentenDeps(ctx.context, trx), ctx.zaken.caller, document.uuid, lock);
    await vergeetVergrendeling(trx, tenantId, document.uuid);
  });
}
