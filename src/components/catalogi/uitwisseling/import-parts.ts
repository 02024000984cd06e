import type { Transaction } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { InvalidParam } from '../../../platform/errors/catalogue.ts';
import { eigenschapBody, type EigenschapInput } from '../eigenschappen/schemas.ts';
import { createEigenschap } from '../eigenschappen/service.ts';
import { resultaattypeBody, type ResultaattypeInput } from '../resultaattypen/schemas.ts';
import { createResultaattype } from '../resultaattypen/service.ts';
import { roltypeBody, type RoltypeInput } from '../roltypen/schemas.ts';
import { createRoltype } from '../roltypen/service.ts';
import { statustypeBody, type StatustypeInput } from '../statustypen/schemas.ts';
import { createStatustype } from '../statustypen/service.ts';
import { zaakobjecttypeBody, type ZaakobjecttypeInput } from '../zaakobjecttypen/schemas.ts';
import { createZaakobjecttype } from '../zaakobjecttypen/service.ts';
import { zaaktypeInformatieobjecttypeBody, type ZaaktypeInformatieobjecttypeInput } from '../zaaktype-informatieobjecttypen/schemas.ts';
import { createZaaktypeInformatieobjecttype } from '../zaaktype-informatieobjecttypen/service.ts';
import { schemaProblems } from './api-validation.ts';
import { requestAttributes, type Attributes, type JsonValue, type ResourceKind, type ZaaktypeExport } from './format.ts';
import type { ProblemCollector } from './problem-collector.ts';
import type { SystemCaller } from './system-caller.ts';

/*
 * The parts of one zaaktype, created after it: statustypen first, since eigenschappen and zaaktype-
 * informatieobjecttypen name a statustype (by volgnummer in the file, by the URL just created in the request).
 */

/** A part's create operation of the Catalogi services, as the import calls it. */
type CreatePart<Input> = (db: Transaction<Database>, caller: SystemCaller, base: string, input: Input, schemaProblems: InvalidParam[]) => Promise<{ url: string }>;

/** Everything the parts of one zaaktype share while they are created. */
interface PartContext {
  trx: Transaction<Database>;
  caller: SystemCaller;
  base: string;
  collector: ProblemCollector;
  /** The zaaktype's place in the file, e.g. `zaaktypen[3]`. */
  path: string;
}

async function createPart<Input>(
  context: PartContext,
  place: string,
  kind: ResourceKind,
  schema: object,
  create: CreatePart<Input>,
  attributes: Attributes,
  references: Attributes,
): Promise<string | undefined> {
  const body = { ...requestAttributes(kind, attributes), ...references };
  const problems = schemaProblems(schema, body);
  const created = await context.collector.attempt(`${context.path}.${place}`, () => create(context.trx, context.caller, context.base, body as unknown as Input, problems));
  return created?.url;
}

/**
 * Creates the parts of a zaaktype just created (`created`: its URL and its catalogus's), from its entry in the file.
 * Refusals go to the collector under the part's place in the file; resolves to how many parts were created.
 */
export async function importZaaktypeParts(
  trx: Transaction<Database>,
  caller: SystemCaller,
  base: string,
  created: { url: string; catalogus: string },
  zaaktype: ZaaktypeExport,
  path: string,
  collector: ProblemCollector,
): Promise<number> {
  const context: PartContext = { trx, caller, base, collector, path };
  const owner = { zaaktype: created.url };
  let parts = 0;
  const count = (url: string | undefined) => {
    if (url !== undefined) parts += 1;
    return url;
  };

  const statustypeUrls = new Map<JsonValue | undefined, string>();
  for (const [index, statustype] of zaaktype.statustypen.entries()) {
    const url = count(await createPart<StatustypeInput>(context, `statustypen[${index}]`, 'statustype', statustypeBody, createStatustype, statustype, owner));
    if (url !== undefined) statustypeUrls.set(statustype.volgnummer, url);
  }
  // A volgnummer whose statustype was refused has no URL; that refusal is reported already and fails the import.
  const statustypeReference = (volgnummer: JsonValue | undefined) => ({ statustype: volgnummer === undefined || volgnummer === null ? null : (statustypeUrls.get(volgnummer) ?? null) });

  for (const [index, eigenschap] of zaaktype.eigenschappen.entries()) {
    count(await createPart<EigenschapInput>(context, `eigenschappen[${index}]`, 'eigenschap', eigenschapBody, createEigenschap, eigenschap, { ...owner, ...statustypeReference(eigenschap.statustype) }));
  }
  for (const [index, resultaattype] of zaaktype.resultaattypen.entries()) {
    count(await createPart<ResultaattypeInput>(context, `resultaattypen[${index}]`, 'resultaattype', resultaattypeBody, createResultaattype, resultaattype, owner));
  }
  for (const [index, roltype] of zaaktype.roltypen.entries()) {
    count(await createPart<RoltypeInput>(context, `roltypen[${index}]`, 'roltype', roltypeBody, createRoltype, roltype, owner));
  }
  for (const [index, ziot] of zaaktype.zaaktypeInformatieobjecttypen.entries()) {
    count(
      await createPart<ZaaktypeInformatieobjecttypeInput>(
        context,
        `zaaktypeInformatieobjecttypen[${index}]`,
        'zaaktypeInformatieobjecttype',
        zaaktypeInformatieobjecttypeBody,
        createZaaktypeInformatieobjecttype,
        ziot,
        { ...owner, ...statustypeReference(ziot.statustype) },
      ),
    );
  }
  for (const [index, zaakobjecttype] of zaaktype.zaakobjecttypen.entries()) {
    count(await createPart<ZaakobjecttypeInput>(context, `zaakobjecttypen[${index}]`, 'zaakobjecttype', zaakobjecttypeBody, createZaakobjecttype, zaakobjecttype, { ...owner, catalogus: created.catalogus }));
  }
  return parts;
}
