import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import type { Database, Tenant } from '../../platform/database/schema.ts';
import type { Autorisatie } from '../../platform/auth/autorisaties.ts';
import { loadOpenApi, STANDARDS_DIRECTORY, type OpenApiSpec, type SpecErratum } from '../../../test/openapi.ts';

/*
 * Test data for the Besluiten API and /zaken/{uuid}/besluiten: besluittypen written straight into the catalogue
 * table (as test/zgw-fixtures.ts does for zaaktypen), and the specs the responses are checked against.
 */

/** The tenant's test host, as the API presents URLs. */
function host(tenant: Tenant): string {
  return tenant.hostnames[0] ?? `${tenant.slug}.test`;
}

/** A besluittype in the catalogus (published unless `concept`), with the informatieobjecttypen it allows. */
export async function insertTestBesluittype(
  db: Kysely<Database>,
  tenant: Tenant,
  catalogusUuid: string,
  options: { concept?: boolean; informatieobjecttypeUuids?: string[]; omschrijving?: string } = {},
): Promise<{ uuid: string; url: string }> {
  const { uuid } = await db
    .insertInto('besluittypen')
    .values({
      tenant_id: tenant.id,
      catalogus_uuid: catalogusUuid,
      omschrijving: options.omschrijving ?? 'Testbesluit',
      reactietermijn: 'P6W',
      publicatie_indicatie: false,
      publicatietermijn: null,
      concept: options.concept ?? false,
      begin_geldigheid: '2020-01-01',
      informatieobjecttype_uuids: options.informatieobjecttypeUuids ?? [],
    })
    .returning('uuid')
    .executeTakeFirstOrThrow();
  return { uuid, url: `http://${host(tenant)}/catalogi/api/v1/besluittypen/${uuid}` };
}

/** Adds besluittypen to a zaaktype's `besluittypen` (brc-007). */
export async function allowBesluittypen(db: Kysely<Database>, zaaktypeUuid: string, besluittypeUuids: string[]): Promise<void> {
  await db
    .updateTable('zaaktypen')
    .set({ besluittype_uuids: sql<string[]>`besluittype_uuids || ${sql.val(besluittypeUuids)}::uuid[]` })
    .where('uuid', '=', zaaktypeUuid)
    .execute();
}

/** An autorisatie for component brc on one besluittype. */
export function brcAutorisatie(besluittypeUrl: string, scopes: string[]): Autorisatie {
  return { component: 'brc', scopes, zaaktype: null, informatieobjecttype: null, besluittype: besluittypeUrl, maxVertrouwelijkheidaanduiding: null };
}

/** An autorisatie for component zrc on one zaaktype up to a vertrouwelijkheidaanduiding. */
export function zrcAutorisatie(zaaktypeUrl: string, scopes: string[], max: Autorisatie['maxVertrouwelijkheidaanduiding'] = 'zeer_geheim'): Autorisatie {
  return { component: 'zrc', scopes, zaaktype: zaaktypeUrl, informatieobjecttype: null, besluittype: null, maxVertrouwelijkheidaanduiding: max };
}

/*
 * `objectTypeOverige`'s pattern `[a-z\_]+` escapes an underscore, which Python's regular expressions allow and
 * JavaScript's unicode ones refuse: the same character class without the needless escape.
 */
function objectTypeOverigeErrata(schemas: string[]): SpecErratum[] {
  return schemas.map((schema) => ({
    pointer: `/components/schemas/${schema}/properties/objectTypeOverige/pattern`,
    value: '[a-z_]+',
    reason: 'The escaped underscore is valid in Python (the reference implementation) but not in a JavaScript unicode RegExp.',
  }));
}

/*
 * `_expand` relations are `oneOf: [<X>Expanded, EmptyObject]`, and EmptyObject ("Leeg object", for a relation
 * that is null) is written as any object, so every expanded object matches both and oneOf can never hold. Read
 * as what it says: an object without properties.
 */
const EMPTY_OBJECT_ERRATA: SpecErratum[] = ['EmptyObject', 'ztc_1_3_2__EmptyObject', 'zrc_1_6_0__EmptyObject'].map((schema) => ({
  pointer: `/components/schemas/${schema}`,
  value: { type: 'object', maxProperties: 0, description: 'Leeg object. Dit wordt teruggeven indien het te expanderen veld een null waarde heeft.' },
  reason: 'As written (any object) EmptyObject makes every oneOf with an expanded object fail; it means an empty object.',
}));

const BESLUITEN_ERRATA: SpecErratum[] = [...objectTypeOverigeErrata(['zrc_1_6_0__ZaakObjectExpanded']), ...EMPTY_OBJECT_ERRATA];

/** The Besluiten API 1.1.0 spec (the bundled file: its `_expand` schemas reference the other APIs). */
export function loadBesluitenSpec(): Promise<OpenApiSpec> {
  return loadOpenApi(join(STANDARDS_DIRECTORY, 'zgw', 'bundled', 'besluiten-1.1.0.bundled.yaml'), { errata: BESLUITEN_ERRATA });
}

const ZAKEN_ERRATA: SpecErratum[] = [
  ...objectTypeOverigeErrata(['ZaakObject', 'PatchedZaakObject', 'ZaakObjectExpanded']),
  {
    pointer: '/components/schemas/ZaakBesluitEmbedded/properties/besluit',
    value: { anyOf: [{ $ref: '#/components/schemas/brc_1_1_0__Besluit' }, { type: 'object', description: 'Geneste expansie zoals gedefinieerd in de BRC 1.1.0.' }] },
    reason: 'oneOf of the Besluit schema and any object can never hold for an expanded besluit (it matches both); anyOf is what is meant.',
  },
];

/** The Zaken API 1.7.0 spec (bundled), with the erratum ZaakBesluitEmbedded needs. */
export function loadZakenSpec(): Promise<OpenApiSpec> {
  return loadOpenApi(join(STANDARDS_DIRECTORY, 'zgw', 'bundled', 'zaken-1.7.0.bundled.yaml'), { errata: ZAKEN_ERRATA });
}

/** A valid besluit body for a besluittype URL (RSIN 002220647 passes the 11-proef). */
export function besluitBody(besluittypeUrl: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { verantwoordelijkeOrganisatie: '002220647', besluittype: besluittypeUrl, datum: '2026-01-10', ingangsdatum: '2026-01-15', ...overrides };
}
