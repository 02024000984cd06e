import { documentenResourceUrl, informatieobjecttypeUrl, informatieobjectUrl } from '../shared/urls.ts';
import type { BestandsdeelRow, CurrentDocument, DocumentRow, VersieRow } from './repository.ts';

/** The `BestandsDeel` resource (documenten-1.7.0.yaml), as listed in a document's `bestandsdelen`. */
export interface BestandsdeelJson {
  url: string;
  volgnummer: number;
  omvang: number;
  voltooid: boolean;
  lock: string;
}

/** The `EnkelvoudigInformatieObject` resource, with `_expand` when the client asked for it. */
export type InformatieobjectJson = Record<string, unknown> & { url: string; versie: number; _expand?: Record<string, unknown> };

/** The fields a version stores in `data`, by their API names, in the order the spec lists them. */
export const DATA_FIELDS = [
  'identificatie',
  'bronorganisatie',
  'creatiedatum',
  'titel',
  'vertrouwelijkheidaanduiding',
  'isGereedVoorPublicatie',
  'tonenAanInitiator',
  'auteur',
  'status',
  'inhoudIsVervallen',
  'formaat',
  'taal',
  'bestandsnaam',
  'link',
  'beschrijving',
  'ontvangstdatum',
  'verzenddatum',
  'indicatieGebruiksrecht',
  'verschijningsvorm',
  'ondertekening',
  'integriteit',
  'trefwoorden',
] as const;

/** The download URL of one version's content. */
export function downloadUrl(base: string, documentUuid: string, versie: number): string {
  return `${informatieobjectUrl(base, documentUuid)}/download?versie=${versie}`;
}

/** A part as the document lists it: `voltooid` once its bytes arrived; the lock is the document's. */
export function presentBestandsdeel(row: BestandsdeelRow, base: string, lock: string): BestandsdeelJson {
  return { url: documentenResourceUrl(base, 'bestandsdelen', row.uuid), volgnummer: row.volgnummer, omvang: row.omvang, voltooid: row.inhoud_sha256 !== null, lock };
}

/**
 * A document version as API JSON, its URLs on the caller's host. The parts of a chunked upload belong to the newest
 * version only; an older version lists none.
 */
export function presentInformatieobject(document: DocumentRow, versie: VersieRow, base: string, delen: readonly BestandsdeelRow[] = []): InformatieobjectJson {
  const data = versie.data;
  const json: InformatieobjectJson = { url: informatieobjectUrl(base, document.uuid), versie: versie.versie };
  for (const field of DATA_FIELDS) if (data[field] !== undefined) json[field] = data[field];
  // `link` is a URL (`format: uri`): an empty one is left out rather than sent as an invalid URL.
  if (json.link === '') delete json.link;
  const current = versie.versie === document.versie;
  Object.assign(json, {
    informatieobjecttype: informatieobjecttypeUrl(base, String(data.informatieobjecttypeUuid)),
    beginRegistratie: versie.begin_registratie.toISOString(),
    inhoud: versie.inhoud_sha256 === null ? null : downloadUrl(base, document.uuid, versie.versie),
    bestandsomvang: versie.bestandsomvang,
    locked: document.lock !== '',
    bestandsdelen: current ? delen.map((deel) => presentBestandsdeel(deel, base, document.lock)) : [],
  });
  return json;
}

/** A current document as API JSON (lists, relations' `_expand`). */
export function presentCurrent(current: CurrentDocument, base: string, delen: readonly BestandsdeelRow[] = []): InformatieobjectJson {
  return presentInformatieobject(current.document, current.versie, base, delen);
}

/** How a document is named in audit trails (its identificatie, as the reference implementation shows it). */
export function informatieobjectWeergave(versie: VersieRow): string {
  return String(versie.data.identificatie ?? '');
}

/** The kenmerken of kanaal `documenten`: bronorganisatie, informatieobjecttype and vertrouwelijkheidaanduiding. */
export function informatieobjectKenmerken(versie: VersieRow, base: string): Record<string, string> {
  return {
    bronorganisatie: String(versie.data.bronorganisatie ?? ''),
    informatieobjecttype: informatieobjecttypeUrl(base, String(versie.data.informatieobjecttypeUuid)),
    vertrouwelijkheidaanduiding: String(versie.data.vertrouwelijkheidaanduiding ?? ''),
  };
}
