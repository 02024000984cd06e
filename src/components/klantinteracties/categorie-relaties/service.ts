import { sql } from 'kysely';
import type { InvalidParam } from '../../../platform/errors/catalogue.ts';
import { invalid } from '../../../platform/errors/problem.ts';
import { byUrl, byUuid, custom, text, type FilterSet } from '../shared/filters.ts';
import { given } from '../shared/groups.ts';
import { resolveReference, type Reference } from '../shared/references.ts';
import type { ResourceDefinition } from '../shared/resource.ts';
import { bodySchemas, DATE, FOREIGN_KEY, nullable } from '../shared/schema-parts.ts';
import { presentCategorieRelaties, type CategorieRelatieJson } from './present.ts';

const STRING = { type: 'string' } as const;

/** `categorieRelatiesCreate`/`Update` and `PartialUpdate`. */
export const categorieRelatieBodies = bodySchemas({ partij: nullable(FOREIGN_KEY), categorie: nullable(FOREIGN_KEY), beginDatum: nullable(DATE), eindDatum: nullable(DATE) }, []);

/** The filters of `categorieRelatiesList`. */
const CATEGORIE_RELATIE_FILTERS: FilterSet = {
  beginDatum: text('begin_datum', { type: 'string', format: 'date' }),
  categorie__naam: custom(STRING, (value) => sql<boolean>`EXISTS (SELECT 1 FROM ki_categorieen c WHERE c.uuid = r.categorie_uuid AND c.naam = ${value})`),
  categorie__url: byUrl('categorie_uuid', 'categorieen'),
  categorie__uuid: byUuid('categorie_uuid'),
  eindDatum: text('eind_datum', { type: 'string', format: 'date' }),
  partij__nummer: custom(STRING, (value) => sql<boolean>`EXISTS (SELECT 1 FROM ki_partijen p WHERE p.uuid = r.partij_uuid AND p.nummer = ${value})`),
  partij__url: byUrl('partij_uuid', 'partijen'),
  partij__uuid: byUuid('partij_uuid'),
};

/** The categorie-relaties resource: a partij in a categorie from beginDatum until eindDatum (not before it). */
export const categorieRelaties: ResourceDefinition<'ki_categorie_relaties', CategorieRelatieJson> = {
  table: 'ki_categorie_relaties',
  resource: 'categorie-relaties',
  label: 'CategorieRelatie',
  filters: CATEGORIE_RELATIE_FILTERS,
  order: sql`r.created_at, r.uuid`,
  async values(db, caller, body, current) {
    const tenantId = caller.tenant.id;
    const problems: InvalidParam[] = [];
    const partij = 'partij' in body ? ((await resolveReference(db, 'ki_partijen', tenantId, body.partij as Reference | null, 'partij', problems))?.uuid ?? null) : (current?.partij_uuid ?? null);
    const categorie = 'categorie' in body ? ((await resolveReference(db, 'ki_categorieen', tenantId, body.categorie as Reference | null, 'categorie', problems))?.uuid ?? null) : (current?.categorie_uuid ?? null);
    const beginDatum = given<string | null>(body, 'beginDatum', current?.begin_datum ?? null);
    const eindDatum = given<string | null>(body, 'eindDatum', current?.eind_datum ?? null);
    if (beginDatum !== null && eindDatum !== null && eindDatum < beginDatum) problems.push({ name: 'eindDatum', code: 'invalid', reason: 'De einddatum ligt niet voor de begindatum.' });
    if (problems.length > 0) throw invalid(problems);
    return { partij_uuid: partij, categorie_uuid: categorie, begin_datum: beginDatum, eind_datum: eindDatum };
  },
  present: (db, caller, rows) => presentCategorieRelaties(db, caller, rows),
};
