import { createHash, randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../platform/database/schema.ts';
import type { Keys } from '../platform/crypto/keys.ts';
import type { ApiCaller } from '../platform/auth/api-jwt.ts';
import type { Autorisatie } from '../platform/auth/autorisaties.ts';
import type { TraceContext } from '../platform/http/trace-context.ts';
import { ProblemError } from '../platform/errors/problem.ts';
import { createZaak } from '../components/zaken/zaken/service.ts';
import { createRol } from '../components/zaken/rollen/service.ts';
import { createZaakeigenschap } from '../components/zaken/zaakeigenschappen/service.ts';
import { createStatus } from '../components/zaken/statussen/service.ts';
import { createZaakinformatieobject } from '../components/zaken/zaakinformatieobjecten/service.ts';
import { relationExpanders } from '../components/zaken/expand/relation-expanders.ts';
import type { ZakenCaller } from '../components/zaken/shared/caller.ts';
import { zakenBaseUrl } from '../components/zaken/shared/urls.ts';
import { zakenDocumenten } from '../components/documenten/local-documenten.ts';
import { createInformatieobject, removeUnusedBlobs } from '../components/documenten/informatieobjecten/service.ts';
import { documentenBaseUrl } from '../components/documenten/shared/urls.ts';
import type { DocumentStorage } from '../components/documenten/storage/storage.ts';
import { termijnBijStart } from '../components/zaken/termijnen/awb-termijnen.ts';
import { saveUiterlijkVoorAtw } from '../components/zaken/termijnen/atw-verschuiving.ts';
import { vandaag } from './dagen.ts';
import { isAdresAntwoord, type Antwoord, type Antwoorden, type Bestand, type FormulierDefinitie, type Veld } from './definitie.ts';
import { samenvattingAlsTekst } from './samenvatting.ts';
import { zichtbareVelden } from './voorwaarden.ts';
import { claimInzending, completeInzending, findInzending, type Persoon } from './repository.ts';
import { zaaktypeOpDatum, type ApiOrigin, type ZaaktypeVandaag } from './zaaktype-vandaag.ts';

/*
 * Submitting an e-form: one function, used by every channel (the portal, the KCC workspace on someone's behalf, …),
 * so an aanvraag gives the same zaak whichever way it comes in. In ONE transaction it creates, through the Zaken and
 * Documenten services, the zaak, the initiator rol, the eigenschappen, the documents with their zaakinformatieobjecten
 * and the first status; the notifications go into the outbox with them. The idempotency key makes a second submit
 * (a double click, a retried request) return the first one's zaak. When anything fails nothing is left: the
 * transaction rolls back and the document bytes stored for it are removed.
 *
 * The zaak's legal deadline is set here rather than left to the Zaken API's default (startdatum + doorlooptijd, which
 * stays as the standard has it for API clients): Loket starts this zaak itself, so the deadline ends on a working day
 * as the Algemene termijnenwet asks, with the Awb count kept beside it as the workspace keeps it (atw-verschuiving.ts).
 */

/** Channels an aanvraag comes in through. */
export const AANVRAAG_KANALEN = ['portaal', 'telefoon', 'balie', 'post', 'email', 'chat', 'sociale_media', 'website'] as const;
export type AanvraagKanaal = (typeof AANVRAAG_KANALEN)[number];

/** Who the aanvraag is for: the resident (BSN) or business (KvK number), with contact details for status e-mails. */
export interface Aanvrager extends Persoon {
  naam: string;
  eMail?: string;
  telefoon?: string;
}

export interface Aanvraag {
  tenant: { id: string; rsin: string };
  /** The host the request came in on: the zaak's URLs point there. */
  origin: ApiOrigin;
  trace: TraceContext;
  kanaal: AanvraagKanaal;
  /** The idempotency key: the same key never makes a second zaak (the portal uses the draft's uuid). */
  sleutel: string;
  zaaktypeIdentificatie: string;
  definitie: FormulierDefinitie;
  /** The checked answers (see `controleerAntwoorden`); fields hidden by their conditions are left out here. */
  antwoorden: Antwoorden;
  bestanden: readonly (Bestand & { inhoud: Buffer })[];
  aanvrager: Aanvrager;
  /** Extra work in the same transaction (the portal removes the draft). */
  binnenTransactie?: (trx: Transaction<Database>) => Promise<void>;
  now?: Date;
}

export interface AanvraagDeps {
  db: Kysely<Database>;
  keys: Pick<Keys, 'pseudonymise'>;
  storage: DocumentStorage;
}

export interface IngediendeAanvraag {
  zaakUuid: string;
  zaakUrl: string;
  zaakIdentificatie: string;
  /** False when the key was used before: this is the earlier submission's zaak. */
  nieuw: boolean;
}

/** How the channel appears as the application in the audit trail. */
function applicatieVan(kanaal: AanvraagKanaal): { clientId: string; weergave: string } {
  return kanaal === 'portaal' ? { clientId: 'loket-portaal', weergave: 'Loket inwonersportaal' } : { clientId: `loket-${kanaal}`, weergave: `Loket e-formulier via ${kanaal}` };
}

/**
 * The channel's caller: Loket itself as the application, holding exactly what an aanvraag needs (creating zaken of
 * this zaaktype with their relations and status, and documents of its informatieobjecttypen), nothing more.
 */
function aanvraagCaller(aanvraag: Aanvraag, zaaktype: ZaaktypeVandaag): ZakenCaller {
  const applicatie = applicatieVan(aanvraag.kanaal);
  const zrc: Autorisatie = {
    component: 'zrc',
    scopes: ['zaken.aanmaken', 'zaken.bijwerken', 'zaken.lezen', 'zaken.statussen.toevoegen'],
    zaaktype: zaaktype.url,
    informatieobjecttype: null,
    besluittype: null,
    maxVertrouwelijkheidaanduiding: 'zeer_geheim',
  };
  const drc: Autorisatie[] = [...zaaktype.informatieobjecttypen.values()].map((url) => ({
    component: 'drc',
    scopes: ['documenten.aanmaken', 'documenten.lezen'],
    zaaktype: null,
    informatieobjecttype: url,
    besluittype: null,
    maxVertrouwelijkheidaanduiding: 'zeer_geheim',
  }));
  const apiCaller: ApiCaller = {
    clientId: applicatie.clientId,
    userId: `${aanvraag.aanvrager.soort}:${aanvraag.aanvrager.identificatie}`,
    userRepresentation: aanvraag.aanvrager.naam === '' ? applicatie.weergave : aanvraag.aanvrager.naam,
    heeftAlleAutorisaties: false,
    scopes: ['zaken.aanmaken', 'zaken.bijwerken', 'zaken.lezen', 'zaken.statussen.toevoegen', 'documenten.aanmaken', 'documenten.lezen'],
    autorisaties: [zrc, ...drc],
    alleenIsGereedVoorPublicatie: false,
  };
  return {
    id: `aanvraag-${randomUUID()}`,
    headers: { 'x-audit-toelichting': `E-formulier ${aanvraag.zaaktypeIdentificatie} via ${aanvraag.kanaal}` },
    tenant: { id: aanvraag.tenant.id },
    trace: aanvraag.trace,
    apiCaller,
    staff: undefined,
    protocol: aanvraag.origin.protocol,
    host: aanvraag.origin.host,
    url: '/zaken/api/v1/zaken',
  };
}

/** An answer as a zaakeigenschap waarde, in the form the eigenschap's formaat asks (datum: jjjjmmdd). */
export function eigenschapWaarde(veld: Veld, answer: Antwoord, formaat: string): string {
  if (isAdresAntwoord(answer)) return `${answer.postcode} ${answer.huisnummer}${answer.toevoeging === '' ? '' : `-${answer.toevoeging}`}`;
  if (Array.isArray(answer)) return answer.join(', ');
  if (veld.type === 'datum' && formaat === 'datum') return answer.replaceAll('-', '');
  if (veld.type === 'bsn') return answer.split('\n').join(', ');
  return answer;
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function eersteAntwoord(definitie: FormulierDefinitie, antwoorden: Antwoorden, type: Veld['type']): string | undefined {
  for (const stap of definitie.stappen) {
    for (const veld of stap.velden) {
      const answer = antwoorden[veld.id];
      if (veld.type === type && typeof answer === 'string' && answer !== '') return answer;
    }
  }
  return undefined;
}

/**
 * Submits an aanvraag: the zaak with everything that belongs to it, in one transaction, or the zaak made earlier
 * with the same key. Throws a `ProblemError` when the zaaktype has no valid version today or lacks what the form
 * maps to; then nothing is stored.
 */
export async function submitAanvraag(deps: AanvraagDeps, aanvraag: Aanvraag): Promise<IngediendeAanvraag> {
  const now = aanvraag.now ?? new Date();
  const today = vandaag(now);
  const earlier = await findInzending(deps.db, aanvraag.tenant.id, aanvraag.sleutel);
  if (earlier?.zaak_uuid && earlier.zaak_url && earlier.zaak_identificatie) {
    return { zaakUuid: earlier.zaak_uuid, zaakUrl: earlier.zaak_url, zaakIdentificatie: earlier.zaak_identificatie, nieuw: false };
  }
  const zaaktype = await zaaktypeOpDatum(deps.db, aanvraag.tenant.id, aanvraag.origin, aanvraag.zaaktypeIdentificatie, today);
  if (!zaaktype) throw new ProblemError('conflict', `Er is vandaag geen geldig zaaktype ${aanvraag.zaaktypeIdentificatie}.`);
  const eersteStatus = zaaktype.statustypen[0];
  const initiator = zaaktype.roltypen.find((roltype) => roltype.omschrijvingGeneriek === 'initiator');
  if (!eersteStatus || !initiator) throw new ProblemError('conflict', `Zaaktype ${zaaktype.identificatie} heeft geen statustype of geen initiator-roltype.`);

  const caller = aanvraagCaller(aanvraag, zaaktype);
  const termijn = termijnBijStart(today, zaaktype.doorlooptijd);
  const zakenBase = zakenBaseUrl(aanvraag.origin);
  const documentenBase = documentenBaseUrl(aanvraag.origin);
  const expanders = relationExpanders();
  const { definitie, antwoorden, aanvrager } = aanvraag;
  const zichtbaar = zichtbareVelden(definitie, antwoorden);
  const velden = definitie.stappen.flatMap((stap) => stap.velden).filter((veld) => zichtbaar.has(veld.id));
  const formulierTekst = definitie.formulierInformatieobjecttype === undefined ? undefined : Buffer.from(samenvattingAlsTekst(definitie, antwoorden, aanvraag.bestanden), 'utf8');
  // The bytes each document stores, so a failed submission can remove exactly what it stored.
  const blobs = [...aanvraag.bestanden.map((bestand) => sha256(bestand.inhoud)), ...(formulierTekst ? [sha256(formulierTekst)] : [])];

  let committed = false;
  try {
    const result = await deps.db.transaction().execute(async (trx): Promise<IngediendeAanvraag> => {
      const claimed = await claimInzending(trx, aanvraag.tenant.id, { sleutel: aanvraag.sleutel, zaaktypeIdentificatie: zaaktype.identificatie, kanaal: aanvraag.kanaal, persoon: aanvrager, now });
      if (!claimed) {
        // Submitted meanwhile with this key (the claim waited for that transaction to commit): its zaak is the answer.
        const first = await findInzending(trx, aanvraag.tenant.id, aanvraag.sleutel);
        if (!first?.zaak_uuid || !first.zaak_url || !first.zaak_identificatie) throw new ProblemError('conflict', 'Deze aanvraag wordt al verwerkt.');
        return { zaakUuid: first.zaak_uuid, zaakUrl: first.zaak_url, zaakIdentificatie: first.zaak_identificatie, nieuw: false };
      }
      const zaak = await createZaak({ db: trx, keys: deps.keys }, caller, zakenBase, {
        bronorganisatie: aanvraag.tenant.rsin,
        verantwoordelijkeOrganisatie: aanvraag.tenant.rsin,
        zaaktype: zaaktype.url,
        omschrijving: definitie.zaakomschrijving.slice(0, 80),
        toelichting: `Ingediend met het e-formulier '${definitie.titel}' via ${aanvraag.kanaal}.`,
        registratiedatum: today,
        startdatum: today,
        // An unreadable doorlooptijd leaves the date to the Zaken API, as for any client.
        uiterlijkeEinddatumAfdoening: termijn.uiterlijk ?? undefined,
        kenmerken: [{ kenmerk: aanvraag.sleutel.slice(0, 40), bron: `Loket e-formulier (${aanvraag.kanaal})` }],
      }, now);
      await saveUiterlijkVoorAtw(trx, aanvraag.tenant.id, zaak.uuid, termijn);

      const rolDeps = { db: trx, keys: deps.keys, expanders };
      const eMail = eersteAntwoord(definitie, antwoorden, 'email') ?? aanvrager.eMail;
      const telefoon = eersteAntwoord(definitie, antwoorden, 'telefoon') ?? aanvrager.telefoon;
      await createRol(rolDeps, caller, zakenBase, {
        zaak: zaak.url,
        betrokkeneType: aanvrager.soort === 'bsn' ? 'natuurlijk_persoon' : 'niet_natuurlijk_persoon',
        roltype: initiator.url,
        roltoelichting: `Aanvrager (e-formulier via ${aanvraag.kanaal})`,
        betrokkeneIdentificatie: aanvrager.soort === 'bsn' ? { inpBsn: aanvrager.identificatie, geslachtsnaam: aanvrager.naam.slice(0, 200) } : { annIdentificatie: aanvrager.identificatie, statutaireNaam: aanvrager.naam.slice(0, 500) },
        // The e-mail on status changes reads the initiator's contactpersoonRol.
        contactpersoonRol: eMail === undefined && telefoon === undefined ? null : { naam: aanvrager.naam.slice(0, 40), ...(eMail ? { emailadres: eMail } : {}), ...(telefoon ? { telefoonnummer: telefoon } : {}) },
      });
      for (const veld of velden) {
        const answer = antwoorden[veld.id];
        if (veld.type !== 'bsn' || veld.roltype === undefined || typeof answer !== 'string') continue;
        const roltype = zaaktype.roltypen.find((candidate) => candidate.omschrijving === veld.roltype);
        if (!roltype) throw new ProblemError('conflict', `Zaaktype ${zaaktype.identificatie} heeft geen roltype '${veld.roltype}'.`);
        for (const bsn of answer.split('\n').filter((value) => value !== '')) {
          await createRol(rolDeps, caller, zakenBase, { zaak: zaak.url, betrokkeneType: 'natuurlijk_persoon', roltype: roltype.url, roltoelichting: veld.label.slice(0, 1000), betrokkeneIdentificatie: { inpBsn: bsn } });
        }
      }

      for (const veld of velden) {
        const answer = antwoorden[veld.id];
        if (veld.eigenschap === undefined || answer === undefined) continue;
        const eigenschap = zaaktype.eigenschappen.get(veld.eigenschap);
        if (!eigenschap) throw new ProblemError('conflict', `Zaaktype ${zaaktype.identificatie} heeft geen eigenschap '${veld.eigenschap}'.`);
        await createZaakeigenschap(trx, caller, zakenBase, zaak.uuid, { zaak: zaak.url, eigenschap: eigenschap.url, waarde: eigenschapWaarde(veld, answer, eigenschap.formaat) });
      }

      const documentDeps = { db: trx, keys: deps.keys, storage: deps.storage, partSize: Number.MAX_SAFE_INTEGER };
      const zioDeps = { db: trx, expanders, documenten: zakenDocumenten({ allowPrivateNetworks: false }) };
      const documenten: { titel: string; bestandsnaam: string; formaat: string; inhoud: Buffer; type: string }[] = [];
      if (formulierTekst && definitie.formulierInformatieobjecttype !== undefined) {
        documenten.push({ titel: definitie.titel, bestandsnaam: 'formulier.txt', formaat: 'text/plain', inhoud: formulierTekst, type: definitie.formulierInformatieobjecttype });
      }
      for (const bestand of aanvraag.bestanden) {
        const veld = velden.find((candidate) => candidate.id === bestand.veld);
        if (!veld || veld.informatieobjecttype === undefined) continue;
        documenten.push({ titel: `${veld.label}: ${bestand.bestandsnaam}`, bestandsnaam: bestand.bestandsnaam, formaat: bestand.formaat, inhoud: bestand.inhoud, type: veld.informatieobjecttype });
      }
      for (const document of documenten) {
        const type = zaaktype.informatieobjecttypen.get(document.type);
        if (!type) throw new ProblemError('conflict', `Zaaktype ${zaaktype.identificatie} heeft geen informatieobjecttype '${document.type}'.`);
        const eio = await createInformatieobject(documentDeps, caller, documentenBase, {
          bronorganisatie: aanvraag.tenant.rsin,
          creatiedatum: today,
          ontvangstdatum: today,
          titel: document.titel.slice(0, 200),
          auteur: (aanvrager.naam === '' ? 'Aanvrager' : aanvrager.naam).slice(0, 200),
          status: 'definitief',
          taal: 'nld',
          formaat: document.formaat,
          bestandsnaam: document.bestandsnaam.slice(0, 255),
          inhoud: document.inhoud.toString('base64'),
          informatieobjecttype: type,
          tonenAanInitiator: true,
        });
        await createZaakinformatieobject(zioDeps, caller, zakenBase, { informatieobject: eio.url, zaak: zaak.url, titel: document.titel.slice(0, 200) });
      }

      await createStatus({ db: trx, keys: deps.keys, expanders }, caller, zakenBase, {
        zaak: zaak.url,
        statustype: eersteStatus.url,
        datumStatusGezet: now.toISOString(),
        statustoelichting: `Ontvangen via ${aanvraag.kanaal}`,
      });
      await completeInzending(trx, aanvraag.tenant.id, aanvraag.sleutel, { uuid: zaak.uuid, url: zaak.url, identificatie: zaak.identificatie });
      if (aanvraag.binnenTransactie) await aanvraag.binnenTransactie(trx);
      return { zaakUuid: zaak.uuid, zaakUrl: zaak.url, zaakIdentificatie: zaak.identificatie, nieuw: true };
    });
    committed = true;
    return result;
  } finally {
    if (!committed && blobs.length > 0) await removeUnusedBlobs({ db: deps.db, keys: deps.keys, storage: deps.storage, partSize: Number.MAX_SAFE_INTEGER }, aanvraag.tenant.id, blobs);
  }
}
