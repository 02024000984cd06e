import { randomUUID } from 'node:crypto';
import { VERTROUWELIJKHEIDAANDUIDINGEN } from '../platform/auth/autorisaties.ts';
import { addDays, addPeriod, daysBetween, periodDays, utcDate } from './calendar.ts';
import type { SeedZaaktype } from './catalogue.ts';
import type { CopyValue } from './copy-batch.ts';
import { pickMedewerker, pickResident } from './fictional-people.ts';
import { createRandom, type Random } from './random.ts';
import type { ZaakTimeline } from './zaak-timeline.ts';

/*
 * One seeded zaak with its statussen, rollen and (when closed) resultaat, as rows for the tables of migration 0010.
 * Everything follows from the zaak's number: its moment on the timeline, its zaaktype, whether it is closed, who
 * is involved. The rows obey the Zaken API's own rules: statussen in time order with the eindstatus last, a closed
 * zaak has an einddatum, a resultaat and the archiefnominatie and archiefactiedatum its resultaattype derives.
 */

export const ZAAK_COLUMNS = [
  'uuid', 'tenant_id', 'identificatie', 'bronorganisatie', 'zaaktype_uuid', 'verantwoordelijke_organisatie', 'omschrijving',
  'registratiedatum', 'startdatum', 'einddatum', 'einddatum_gepland', 'uiterlijke_einddatum_afdoening', 'vertrouwelijkheidaanduiding',
  'archiefnominatie', 'archiefactiedatum', 'data', 'created_at',
] as const;
export const STATUS_COLUMNS = ['uuid', 'tenant_id', 'zaak_uuid', 'statustype_uuid', 'datum_status_gezet', 'statustoelichting', 'gezetdoor_rol_uuid', 'created_at'] as const;
export const ROL_COLUMNS = [
  'uuid', 'tenant_id', 'zaak_uuid', 'roltype_uuid', 'betrokkene_type', 'omschrijving_generiek', 'registratiedatum', 'inp_bsn',
  'medewerker_identificatie', 'data', 'created_at',
] as const;
export const RESULTAAT_COLUMNS = ['uuid', 'tenant_id', 'zaak_uuid', 'resultaattype_uuid', 'toelichting', 'created_at'] as const;

type Row<C extends readonly string[]> = Record<C[number], CopyValue>;

export interface GeneratedZaak {
  zaak: Row<typeof ZAAK_COLUMNS>;
  statussen: Row<typeof STATUS_COLUMNS>[];
  rollen: Row<typeof ROL_COLUMNS>[];
  resultaat: Row<typeof RESULTAAT_COLUMNS> | undefined;
}

export interface ZaakGeneratorInput {
  tenantId: string;
  /** The municipality's RSIN: bronorganisatie and verantwoordelijke organisatie. */
  rsin: string;
  zaaktypen: readonly SeedZaaktype[];
  timeline: ZaakTimeline;
  /** The zaak's identificatie by its number. */
  identificatie: (index: number) => string;
  /** Fixes the randomness: the same seed and number give the same zaak (apart from uuids). */
  seed: number;
}

const HOUR_MS = 3_600_000;
const STRATEN = ['Dorpsstraat', 'Kerkstraat', 'Molenweg', 'Stationsplein', 'Beukenlaan', 'Schoolstraat', 'Marktplein', 'Julianalaan', 'Havenkade', 'Parkweg'];

/** A generator of zaken by number. */
export function createZaakGenerator(input: ZaakGeneratorInput): (index: number) => GeneratedZaak {
  if (input.zaaktypen.length === 0) throw new RangeError('a zaak generator needs at least one zaaktype');
  const byVolume = input.zaaktypen.map((zaaktype) => [zaaktype, zaaktype.template.volume] as const);
  // Durations in days per zaaktype, counted from a fixed day: a day more or less in February does not matter here.
  const reference = input.timeline.firstDay;
  const doorlooptijdDays = new Map(input.zaaktypen.map((zaaktype) => [zaaktype.uuid, periodDays(zaaktype.template.doorlooptijd, reference)]));

  return (index) => {
    const random = createRandom(input.seed, index);
    const zaaktype = random.weighted(byVolume);
    const template = zaaktype.template;
    const createdAt = input.timeline.createdAt(index);
    const registratiedatum = utcDate(createdAt);
    // Most zaken start the day they are registered; a letter may have arrived some days before.
    const startdatum = random.chance(0.85) ? registratiedatum : addDays(registratiedatum, -random.int(1, 7));
    const zaakUuid = randomUUID();
    const doorlooptijd = doorlooptijdDays.get(zaaktype.uuid) ?? 42;
    const age = daysBetween(startdatum, input.timeline.lastDay);
    const closed = random.chance(closingChance(age, doorlooptijd));

    const statussen: GeneratedZaak['statussen'] = [];
    const status = (statustypeUuid: string | undefined, at: Date, toelichting: string) => {
      if (statustypeUuid === undefined) throw new Error(`zaaktype ${zaaktype.identificatie} has too few statustypen`);
      statussen.push({ uuid: randomUUID(), tenant_id: input.tenantId, zaak_uuid: zaakUuid, statustype_uuid: statustypeUuid, datum_status_gezet: at, statustoelichting: toelichting, gezetdoor_rol_uuid: null, created_at: at });
    };
    const [eerste, ...verder] = zaaktype.statustypen;
    const eind = verder.pop();
    status(eerste, createdAt, '');

    let einddatum: string | null = null;
    let eindAt: Date | undefined;
    if (closed) {
      // At least the registration day, at most today; usually within the doorlooptijd, sometimes late.
      const sinceRegistration = daysBetween(registratiedatum, input.timeline.lastDay);
      const duration = Math.min(sinceRegistration, Math.round(doorlooptijd * (0.2 + 0.95 * random.next())));
      einddatum = addDays(registratiedatum, Math.max(0, duration));
      // Closed in the afternoon (in UTC and thus on the same Amsterdam day), and never before the zaak was registered.
      const afternoon = new Date(`${einddatum}T13:00:00Z`).getTime() + random.int(0, 180) * 60_000;
      eindAt = new Date(Math.max(afternoon, createdAt.getTime() + HOUR_MS));
    }
    const lastPossible = eindAt ? eindAt.getTime() - HOUR_MS : input.timeline.now.getTime();
    for (const statustypeUuid of verder) {
      const at = new Date(createdAt.getTime() + random.int(1, 5) * 24 * HOUR_MS);
      if (at.getTime() > lastPossible || (!closed && random.chance(0.3))) break;
      status(statustypeUuid, at, '');
    }
    let resultaat: GeneratedZaak['resultaat'];
    let archiefnominatie: string | null = null;
    let archiefactiedatum: string | null = null;
    if (eindAt && einddatum) {
      const resultaattype = random.weighted(zaaktype.resultaattypen.map((candidate) => [candidate, candidate.weight] as const));
      // The resultaat is recorded just before the eindstatus, as the Zaken API requires.
      resultaat = { uuid: randomUUID(), tenant_id: input.tenantId, zaak_uuid: zaakUuid, resultaattype_uuid: resultaattype.uuid, toelichting: '', created_at: new Date(eindAt.getTime() - 60_000) };
      archiefnominatie = resultaattype.binding.archiefnominatie;
      archiefactiedatum = addPeriod(einddatum, resultaattype.binding.archiefactietermijn);
      status(eind, eindAt, 'Zaak afgehandeld');
    }

    const rollen: GeneratedZaak['rollen'] = [initiatorRol(random, input.tenantId, zaakUuid, zaaktype, createdAt)];
    const handled = statussen.length > 1;
    if (random.chance(handled ? 0.9 : 0.3)) {
      const second = statussen[1];
      const at = second ? (second.datum_status_gezet as Date) : new Date(createdAt.getTime() + HOUR_MS / 2);
      const behandelaar = medewerkerRol(random, input.tenantId, zaakUuid, zaaktype.roltypen.behandelaar, 'behandelaar', at);
      rollen.push(behandelaar);
      // The behandelaar sets every status after the first (STATUS.gezetdoor).
      for (const later of statussen.slice(1)) later.gezetdoor_rol_uuid = behandelaar.uuid;
    }

    const vertrouwelijkheidaanduiding = random.chance(0.75) ? template.vertrouwelijkheidaanduiding : random.pick(VERTROUWELIJKHEIDAANDUIDINGEN);
    const onderwerp = random.pick(template.onderwerpen);
    const zaak: GeneratedZaak['zaak'] = {
      uuid: zaakUuid,
      tenant_id: input.tenantId,
      identificatie: input.identificatie(index),
      bronorganisatie: input.rsin,
      zaaktype_uuid: zaaktype.uuid,
      verantwoordelijke_organisatie: input.rsin,
      omschrijving: `${onderwerp} ${random.pick(STRATEN)} ${random.int(1, 180)}`.slice(0, 80),
      registratiedatum,
      startdatum,
      einddatum,
      einddatum_gepland: template.servicenorm ? addPeriod(startdatum, template.servicenorm) : null,
      uiterlijke_einddatum_afdoening: addPeriod(startdatum, template.doorlooptijd),
      vertrouwelijkheidaanduiding,
      archiefnominatie,
      archiefactiedatum,
      // Closing through the API records the brondatum of the archiving period the same way (afleidingswijze afgehandeld).
      data: einddatum ? { startdatumBewaartermijn: einddatum } : {},
      created_at: createdAt,
    };
    return { zaak, statussen, rollen, resultaat };
  };
}

/** How likely a zaak of this age (days since its start) is closed, given its zaaktype's doorlooptijd in days. */
export function closingChance(age: number, doorlooptijd: number): number {
  if (age >= 2 * doorlooptijd) return 0.97;
  if (age >= doorlooptijd) return 0.85;
  return Math.max(0, 0.6 * (age / doorlooptijd));
}

function initiatorRol(random: Random, tenantId: string, zaakUuid: string, zaaktype: SeedZaaktype, at: Date): GeneratedZaak['rollen'][number] {
  if (!random.chance(zaaktype.template.initiatorIsResident)) return medewerkerRol(random, tenantId, zaakUuid, zaaktype.roltypen.initiator, 'initiator', at);
  const resident = pickResident(random);
  return {
    uuid: randomUUID(),
    tenant_id: tenantId,
    zaak_uuid: zaakUuid,
    roltype_uuid: zaaktype.roltypen.initiator,
    betrokkene_type: 'natuurlijk_persoon',
    omschrijving_generiek: 'initiator',
    registratiedatum: at,
    inp_bsn: resident.inpBsn,
    medewerker_identificatie: null,
    data: { roltoelichting: 'Aanvrager', indicatieMachtiging: '', betrokkeneIdentificatie: { ...resident, anpIdentificatie: '', inpA_nummer: '' } },
    created_at: at,
  };
}

function medewerkerRol(random: Random, tenantId: string, zaakUuid: string, roltypeUuid: string, generiek: 'initiator' | 'behandelaar', at: Date): GeneratedZaak['rollen'][number] {
  const medewerker = pickMedewerker(random);
  return {
    uuid: randomUUID(),
    tenant_id: tenantId,
    zaak_uuid: zaakUuid,
    roltype_uuid: roltypeUuid,
    betrokkene_type: 'medewerker',
    omschrijving_generiek: generiek,
    registratiedatum: at,
    inp_bsn: null,
    medewerker_identificatie: medewerker.identificatie,
    data: { roltoelichting: generiek === 'initiator' ? 'Melder' : 'Behandelaar', indicatieMachtiging: '', betrokkeneIdentificatie: medewerker },
    created_at: at,
  };
}
