import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { copyBatch } from './copy-batch.ts';
import { bindResultaattypen, procestypeUrl, type SelectielijstBinding } from './selectielijst.ts';
import { ZAAKTYPE_TEMPLATES, type ZaaktypeTemplate } from './zaaktype-templates.ts';

/*
 * The catalogue the seeded zaken belong to: one catalogus with published zaaktypen, each with its statustypen,
 * resultaattypen (bound to the Selectielijst) and roltypen, written straight into the tables in the Catalogi API's
 * storage form, so that API serves them like types it made itself.
 */

/** A seeded zaaktype as the zaak generator needs it. */
export interface SeedZaaktype {
  uuid: string;
  identificatie: string;
  template: ZaaktypeTemplate;
  /** Statustype uuids in volgnummer order; the last one closes a zaak. */
  statustypen: readonly string[];
  resultaattypen: readonly { uuid: string; weight: number; binding: SelectielijstBinding }[];
  roltypen: { initiator: string; behandelaar: string };
}

export interface SeedCatalogue {
  catalogusUuid: string;
  domein: string;
  zaaktypen: readonly SeedZaaktype[];
}

export interface CatalogueInput {
  tenantId: string;
  /** The municipality's RSIN: catalogus rsin and zaaktype verantwoordelijke. */
  rsin: string;
  /** At most five characters, unique for the tenant and RSIN. */
  domein: string;
  zaaktypen: number;
  /** The day the zaaktypen became valid: on or before the first seeded zaak. */
  beginGeldigheid: string;
}

const ROLTYPEN = [
  { key: 'initiator', omschrijving: 'Aanvrager', generiek: 'initiator' },
  { key: 'behandelaar', omschrijving: 'Behandelaar', generiek: 'behandelaar' },
  { key: 'belanghebbende', omschrijving: 'Belanghebbende', generiek: 'belanghebbende' },
] as const;

/** The template for the n-th zaaktype: the list repeats with a round number when more zaaktypen are asked for. */
function templateFor(index: number): { template: ZaaktypeTemplate; identificatie: string; omschrijving: string } {
  const template = ZAAKTYPE_TEMPLATES[index % ZAAKTYPE_TEMPLATES.length];
  if (!template) throw new Error('there are no zaaktype templates');
  const round = Math.floor(index / ZAAKTYPE_TEMPLATES.length);
  if (round === 0) return { template, identificatie: template.identificatie, omschrijving: template.omschrijving };
  return { template, identificatie: `${template.identificatie}-${round + 1}`, omschrijving: `${template.omschrijving} (${round + 1})`.slice(0, 80) };
}

/** A catalogue ready to be written: its description and the rows, sent by `send`. */
export interface PlannedCatalogue {
  catalogue: SeedCatalogue;
  /** Writes the rows with COPY over `client`, in the caller's transaction. */
  send(client: pg.ClientBase): Promise<void>;
}

/** Writes the catalogue with COPY over `client`, in the caller's transaction, and describes what it wrote. */
export async function writeCatalogue(client: pg.ClientBase, input: CatalogueInput): Promise<SeedCatalogue> {
  const planned = planCatalogue(input);
  await planned.send(client);
  return planned.catalogue;
}

/** The catalogue's rows (uuids chosen here) and its description for the zaak generator. */
export function planCatalogue(input: CatalogueInput): PlannedCatalogue {
  const catalogussen = copyBatch('catalogussen', ['uuid', 'tenant_id', 'domein', 'rsin', 'contactpersoon_beheer_naam', 'naam', 'versie', 'begindatum_versie']);
  const zaaktypenBatch = copyBatch('zaaktypen', [
    'uuid', 'tenant_id', 'catalogus_uuid', 'identificatie', 'omschrijving', 'vertrouwelijkheidaanduiding', 'doorlooptijd', 'servicenorm',
    'opschorting_en_aanhouding_mogelijk', 'verlenging_mogelijk', 'verlengingstermijn', 'concept', 'begin_geldigheid', 'data',
  ]);
  const statustypen = copyBatch('statustypen', ['uuid', 'tenant_id', 'zaaktype_uuid', 'omschrijving', 'volgnummer', 'informeren', 'data']);
  const resultaattypen = copyBatch('resultaattypen', [
    'uuid', 'tenant_id', 'zaaktype_uuid', 'omschrijving', 'resultaattypeomschrijving', 'selectielijstklasse', 'archiefnominatie',
    'archiefactietermijn', 'brondatum_archiefprocedure', 'data',
  ]);
  const roltypen = copyBatch('roltypen', ['uuid', 'tenant_id', 'zaaktype_uuid', 'omschrijving', 'omschrijving_generiek', 'data']);

  const catalogusUuid = randomUUID();
  catalogussen.add({
    uuid: catalogusUuid,
    tenant_id: input.tenantId,
    domein: input.domein,
    rsin: input.rsin,
    contactpersoon_beheer_naam: 'Benchmark Beheer',
    naam: `Benchmarkcatalogus ${input.domein}`,
    versie: '1',
    begindatum_versie: input.beginGeldigheid,
  });

  const seeded: SeedZaaktype[] = [];
  for (let index = 0; index < input.zaaktypen; index++) {
    const { template, identificatie, omschrijving } = templateFor(index);
    const uuid = randomUUID();
    zaaktypenBatch.add({
      uuid,
      tenant_id: input.tenantId,
      catalogus_uuid: catalogusUuid,
      identificatie,
      omschrijving,
      vertrouwelijkheidaanduiding: template.vertrouwelijkheidaanduiding,
      doorlooptijd: template.doorlooptijd,
      servicenorm: template.servicenorm,
      opschorting_en_aanhouding_mogelijk: true,
      verlenging_mogelijk: true,
      verlengingstermijn: template.doorlooptijd,
      concept: false,
      begin_geldigheid: input.beginGeldigheid,
      data: {
        omschrijvingGeneriek: '',
        doel: `${template.omschrijving} afhandelen`,
        aanleiding: `Een ${template.omschrijving.toLowerCase()} komt binnen`,
        toelichting: 'Aangemaakt door loket bench seed-zaken.',
        indicatieInternOfExtern: template.initiatorIsResident > 0 ? 'extern' : 'intern',
        handelingInitiator: 'indienen',
        onderwerp: template.omschrijving,
        handelingBehandelaar: 'behandelen',
        trefwoorden: ['benchmark'],
        publicatieIndicatie: false,
        publicatietekst: '',
        verantwoordingsrelatie: [],
        productenOfDiensten: [],
        selectielijstProcestype: procestypeUrl(template),
        referentieproces: { naam: template.omschrijving },
        verantwoordelijke: input.rsin,
        besluittypen: [],
        deelzaaktypen: [],
        gerelateerdeZaaktypen: [],
        versiedatum: input.beginGeldigheid,
      },
    });
    const statustypeUuids = template.statustypen.map((statusOmschrijving, position) => {
      const statustypeUuid = randomUUID();
      statustypen.add({
        uuid: statustypeUuid,
        tenant_id: input.tenantId,
        zaaktype_uuid: uuid,
        omschrijving: statusOmschrijving,
        volgnummer: position + 1,
        // Residents hear when their zaak is closed.
        informeren: position === template.statustypen.length - 1,
        data: { omschrijvingGeneriek: '', statustekst: statusOmschrijving, checklistitemStatustype: [] },
      });
      return statustypeUuid;
    });
    const bindings = bindResultaattypen(template);
    const seededResultaattypen = template.resultaattypen.map((resultaattype, position) => {
      const binding = bindings[position];
      if (!binding) throw new Error(`no Selectielijst binding for ${identificatie} ${resultaattype.omschrijving}`);
      const resultaattypeUuid = randomUUID();
      resultaattypen.add({
        uuid: resultaattypeUuid,
        tenant_id: input.tenantId,
        zaaktype_uuid: uuid,
        omschrijving: resultaattype.omschrijving,
        resultaattypeomschrijving: binding.resultaattypeomschrijving,
        selectielijstklasse: binding.selectielijstklasse,
        archiefnominatie: binding.archiefnominatie,
        archiefactietermijn: binding.archiefactietermijn,
        brondatum_archiefprocedure: { afleidingswijze: 'afgehandeld', datumkenmerk: '', einddatumBekend: false, objecttype: '', registratie: '', procestermijn: null },
        data: { toelichting: '' },
      });
      return { uuid: resultaattypeUuid, weight: resultaattype.weight, binding };
    });
    const roltypeUuids: Record<string, string> = {};
    for (const roltype of ROLTYPEN) {
      const roltypeUuid = randomUUID();
      roltypeUuids[roltype.key] = roltypeUuid;
      roltypen.add({ uuid: roltypeUuid, tenant_id: input.tenantId, zaaktype_uuid: uuid, omschrijving: roltype.omschrijving, omschrijving_generiek: roltype.generiek, data: {} });
    }
    const initiator = roltypeUuids.initiator;
    const behandelaar = roltypeUuids.behandelaar;
    if (initiator === undefined || behandelaar === undefined) throw new Error('roltypen missing');
    seeded.push({ uuid, identificatie, template, statustypen: statustypeUuids, resultaattypen: seededResultaattypen, roltypen: { initiator, behandelaar } });
  }

  return {
    catalogue: { catalogusUuid, domein: input.domein, zaaktypen: seeded },
    async send(client) {
      // Parents first: the foreign keys are checked row by row.
      for (const batch of [catalogussen, zaaktypenBatch, statustypen, resultaattypen, roltypen]) await batch.send(client);
    },
  };
}
