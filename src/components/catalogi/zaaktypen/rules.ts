import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { InvalidParam } from '../../../platform/errors/catalogue.ts';
import { getProcestype } from '../../referentielijsten/service.ts';
import { selectielijstUuid } from '../uitwisseling/selectielijst.ts';
import { dateProblems, durationProblems, geldigheidProblem, rsinProblem, uniqueNames } from '../shared/body.ts';
import { overlapProblems } from '../shared/overlap.ts';
import { versionsByName } from '../shared/repository.ts';
import type { ZaaktypeInput } from './schemas.ts';
import type { ZaaktypeParts } from './repository.ts';

/*
 * The zaaktype rules a JSON schema cannot state. `zaaktypeValueProblems` looks at the values alone;
 * `zaaktypeCatalogueProblems` at the catalogue the zaaktype is written into; `publishProblems` at what a zaaktype
 * must have before zaken can be made of it.
 */

function isUrl(value: string): boolean {
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

/** ztc-001: `selectielijstProcestype`, when given, points to a Procestype of the Selectielijst. */
function procestypeProblems(value: string | undefined): InvalidParam[] {
  if (value === undefined || value === '') return [];
  const uuid = isUrl(value) ? selectielijstUuid('procestypen', value) : undefined;
  if (uuid !== undefined) {
    try {
      getProcestype(uuid);
      return [];
    } catch {
      // Falls through: an unknown procestype is the same problem as no procestype URL.
    }
  }
  return [{ name: 'selectielijstProcestype', code: 'invalid-resource', reason: 'Geef de URL van een procestype uit de Selectielijst (Referentielijsten API) op.' }];
}

/** The problems of a zaaktype's values on their own (durations, dates, verlenging, RSIN, URLs, ztc-001). */
export function zaaktypeValueProblems(input: Partial<ZaaktypeInput>): InvalidParam[] {
  const body = input as Record<string, unknown>;
  const problems = [
    ...durationProblems(body, ['doorlooptijd', 'servicenorm', 'verlengingstermijn']),
    ...dateProblems(body, ['beginGeldigheid', 'eindeGeldigheid', 'versiedatum', 'beginObject', 'eindeObject']),
    ...geldigheidProblem(input.beginGeldigheid, input.eindeGeldigheid),
    ...procestypeProblems(input.selectielijstProcestype),
  ];
  const termijn = input.verlengingstermijn ?? null;
  if (input.verlengingMogelijk === true && termijn === null) {
    problems.push({ name: 'verlengingstermijn', code: 'verlenging-mismatch', reason: 'Geef een verlengingstermijn op als verlenging mogelijk is.' });
  }
  if (input.verlengingMogelijk === false && termijn !== null) {
    problems.push({ name: 'verlengingstermijn', code: 'verlenging-mismatch', reason: 'Een verlengingstermijn mag alleen een waarde hebben als verlenging mogelijk is.' });
  }
  if (input.broncatalogus) problems.push(...rsinProblem(input.broncatalogus.rsin, 'broncatalogus.rsin'));
  const link = input.referentieproces?.link;
  if (link !== undefined && link !== '' && !isUrl(link)) problems.push({ name: 'referentieproces.link', code: 'invalid', reason: 'Voer een geldige URL in.' });
  return problems;
}

/**
 * The problems of a zaaktype in its catalogus: besluittypen and deelzaaktypen must name types of the same
 * catalogus (ztc-013; "deelzaaktypen moeten tot dezelfde catalogus behoren"), and its geldigheid may not overlap
 * a published version with the same identificatie (ztc-016).
 */
export async function zaaktypeCatalogueProblems(
  db: Kysely<Database>,
  tenantId: string,
  catalogusUuid: string,
  input: ZaaktypeInput,
  exceptUuid?: string,
  overlapField: 'beginGeldigheid' | 'eindeGeldigheid' = 'beginGeldigheid',
): Promise<InvalidParam[]> {
  const problems: InvalidParam[] = [];
  const besluittypen = uniqueNames(input.besluittypen);
  const known = new Set((await versionsByName(db, tenantId, 'besluittypen', catalogusUuid, besluittypen)).map((version) => version.name));
  const unknownBesluittypen = besluittypen.filter((name) => !known.has(name));
  if (unknownBesluittypen.length > 0) {
    problems.push({ name: 'besluittypen', code: 'relations-incorrect-catalogus', reason: `Deze besluittypen bestaan niet in de catalogus van het zaaktype: ${unknownBesluittypen.join(', ')}.` });
  }
  const deelzaaktypen = uniqueNames(input.deelzaaktypen);
  const knownZaaktypen = new Set((await versionsByName(db, tenantId, 'zaaktypen', catalogusUuid, deelzaaktypen)).map((version) => version.name));
  const unknownDeelzaaktypen = deelzaaktypen.filter((name) => !knownZaaktypen.has(name));
  if (unknownDeelzaaktypen.length > 0) {
    problems.push({ name: 'deelzaaktypen', code: 'relations-incorrect-catalogus', reason: `Hoofd- en deelzaaktypen moeten tot dezelfde catalogus behoren; onbekend: ${unknownDeelzaaktypen.join(', ')}.` });
  }
  const period = { beginGeldigheid: input.beginGeldigheid, eindeGeldigheid: input.eindeGeldigheid ?? null };
  problems.push(...(await overlapProblems(db, tenantId, 'zaaktypen', { catalogusUuid, name: input.identificatie }, period, exceptUuid, overlapField)));
  return problems;
}

/**
 * What publishing requires besides ztc-016: every besluittype and informatieobjecttype it names has a published
 * version (ztc-012), and it has at least two statustypen, one resultaattype (each with a selectielijstklasse) and
 * one roltype, as the reference implementation demands.
 */
export async function publishProblems(
  db: Kysely<Database>,
  tenantId: string,
  zaaktype: { catalogusUuid: string; besluittypen: readonly string[] },
  parts: ZaaktypeParts,
): Promise<InvalidParam[]> {
  const problems: InvalidParam[] = [];
  const [besluittypen, iots] = await Promise.all([
    versionsByName(db, tenantId, 'besluittypen', zaaktype.catalogusUuid, zaaktype.besluittypen),
    versionsByName(db, tenantId, 'informatieobjecttypen', zaaktype.catalogusUuid, parts.informatieobjecttypeOmschrijvingen),
  ]);
  const published = (versions: typeof besluittypen) => new Set(versions.filter((version) => !version.concept).map((version) => version.name));
  const unpublishedBesluittypen = zaaktype.besluittypen.filter((name) => !published(besluittypen).has(name));
  const unpublishedIots = parts.informatieobjecttypeOmschrijvingen.filter((name) => !published(iots).has(name));
  if (unpublishedBesluittypen.length > 0 || unpublishedIots.length > 0) {
    const named = [
      ...unpublishedBesluittypen.map((name) => `besluittype ${name}`),
      ...unpublishedIots.map((name) => `informatieobjecttype ${name}`),
    ];
    problems.push({ name: 'nonFieldErrors', code: 'concept-relation', reason: `Alle gerelateerde typen moeten gepubliceerd zijn; nog niet gepubliceerd: ${named.join(', ')}.` });
  }
  if (parts.statustypen.length < 2) {
    problems.push({ name: 'statustypen', code: 'concept-relation', reason: 'Een zaaktype publiceren vereist ten minste twee statustypen.' });
  }
  if (parts.resultaattypen.length < 1) {
    problems.push({ name: 'resultaattypen', code: 'concept-relation', reason: 'Een zaaktype publiceren vereist ten minste één resultaattype.' });
  } else if (parts.resultaattypen.some((resultaattype) => resultaattype.selectielijstklasse === '')) {
    problems.push({ name: 'resultaattypen', code: 'concept-relation', reason: 'Elk resultaattype moet een selectielijstklasse hebben voordat het zaaktype gepubliceerd wordt.' });
  }
  if (parts.roltypen.length < 1) {
    problems.push({ name: 'roltypen', code: 'concept-relation', reason: 'Een zaaktype publiceren vereist ten minste één roltype.' });
  }
  return problems;
}
