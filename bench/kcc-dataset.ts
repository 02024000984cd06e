import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { copyBatch } from '../src/bench-seed/copy-batch.ts';
import { fictionalBsns, residentByNumber } from '../src/bench-seed/fictional-people.ts';

/*
 * Klantcontacten for the KCC benchmark, written with COPY in rounds (one transaction each): `personen` partijen of
 * soort persoon, each with its BSN identificator (the fictional test-range residents whose zaken the zaken seed made),
 * and `count` klantcontacten spread over them, each with its betrokkene and the KCC workspace's closed record. Enough
 * for 2,000,000 contacts in a few minutes; memory stays at one round.
 */

export interface SeedKlantcontactenOptions {
  count: number;
  /** Distinct people the contacts are with (at most the ~91,000 test BSNs). */
  personen: number;
  /** Contacts per round of COPY statements. */
  chunkSize?: number;
  onProgress?: (done: number) => void;
  now?: Date;
}

const KANALEN = ['telefoon', 'telefoon', 'telefoon', 'e-mail', 'balie', 'chat', 'website', 'post', 'sociale media'] as const;
const ONDERWERPEN = ['Paspoort aanvragen', 'Verhuizing doorgeven', 'Afvalpas', 'Parkeervergunning', 'Bijstand', 'Omgevingsvergunning', 'Grofvuil ophalen', 'WOZ-waarde', 'Hondenbelasting', 'Melding openbare ruimte'];
const RESULTATEN = ['beantwoord', 'beantwoord', 'beantwoord', 'doorverwezen', 'contactverzoek', 'aanvraag', 'niet-beantwoord'] as const;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The partijen made, by BSN. */
export async function seedKlantcontacten(client: pg.ClientBase, tenantId: string, options: SeedKlantcontactenOptions): Promise<Map<string, string>> {
  const personen = Math.max(1, Math.min(options.personen, fictionalBsns().length));
  const now = options.now ?? new Date();
  const chunkSize = options.chunkSize ?? 50_000;
  const partijen: string[] = [];
  const byBsn = new Map<string, string>();

  const partijRows = copyBatch('ki_partijen', ['uuid', 'tenant_id', 'nummer', 'soort_partij', 'indicatie_actief', 'voorkeurstaal', 'partij_identificatie', 'created_at']);
  const identificatorRows = copyBatch('ki_partij_identificatoren', ['uuid', 'tenant_id', 'partij_uuid', 'code_objecttype', 'code_soort_object_id', 'object_id', 'code_register', 'created_at']);
  await client.query('BEGIN');
  for (let index = 0; index < personen; index++) {
    const resident = residentByNumber(index);
    const uuid = randomUUID();
    partijen.push(uuid);
    byBsn.set(resident.inpBsn, uuid);
    const created = new Date(now.getTime() - 3 * 365 * DAY_MS);
    partijRows.add({
      uuid,
      tenant_id: tenantId,
      nummer: String(index + 1).padStart(10, '0'),
      soort_partij: 'persoon',
      indicatie_actief: true,
      voorkeurstaal: 'dut',
      partij_identificatie: { contactnaam: { voorletters: resident.voorletters, voornaam: resident.voornamen, voorvoegselAchternaam: resident.voorvoegselGeslachtsnaam, achternaam: resident.geslachtsnaam } },
      created_at: created,
    });
    identificatorRows.add({ uuid: randomUUID(), tenant_id: tenantId, partij_uuid: uuid, code_objecttype: 'natuurlijk_persoon', code_soort_object_id: 'bsn', object_id: resident.inpBsn, code_register: 'brp', created_at: created });
    if (partijRows.size >= chunkSize) {
      await partijRows.send(client);
      await identificatorRows.send(client);
    }
  }
  await partijRows.send(client);
  await identificatorRows.send(client);
  await client.query(`INSERT INTO ki_nummers (tenant_id, soort, last_number) VALUES ($1, 'partij', $2) ON CONFLICT (tenant_id, soort) DO UPDATE SET last_number = greatest(ki_nummers.last_number, excluded.last_number)`, [tenantId, personen]);
  await client.query('COMMIT');

  const contactRows = copyBatch('ki_klantcontacten', ['uuid', 'tenant_id', 'nummer', 'kanaal', 'onderwerp', 'inhoud', 'reactie', 'indicatie_contact_gelukt', 'verdere_actie_ondernomen', 'taal', 'vertrouwelijk', 'plaatsgevonden_op', 'metadata', 'created_at']);
  const betrokkeneRows = copyBatch('ki_betrokkenen', ['uuid', 'tenant_id', 'partij_uuid', 'klantcontact_uuid', 'rol', 'initiator', 'created_at']);
  const kccRows = copyBatch('kcc_contacten', ['klantcontact_uuid', 'tenant_id', 'kanaal', 'onderwerp', 'partij_uuid', 'betrokkene_uuid', 'status', 'resultaat', 'afgehandeld_bij_eerste_contact', 'geopend_op', 'gesloten_op']);
  for (let start = 0; start < options.count; start += chunkSize) {
    await client.query('BEGIN');
    // The inzicht trigger is paused within each chunk's transaction (ALTER TABLE is transactional): a bulk load would
    // otherwise queue every day of the history for the inzicht refresh, which then runs beside the benchmark.
    await client.query('ALTER TABLE kcc_contacten DISABLE TRIGGER inzicht_kcc_ins');
    for (let index = start; index < Math.min(options.count, start + chunkSize); index++) {
      const uuid = randomUUID();
      const betrokkene = randomUUID();
      const partij = partijen[index % personen] ?? partijen[0] ?? '';
      const kanaal = KANALEN[index % KANALEN.length] ?? 'telefoon';
      const onderwerp = ONDERWERPEN[(index * 7) % ONDERWERPEN.length] ?? 'Vraag';
      const resultaat = RESULTATEN[(index * 3) % RESULTATEN.length] ?? 'beantwoord';
      // Spread over three years, newest last.
      const moment = new Date(now.getTime() - Math.floor(((options.count - index) / options.count) * 3 * 365 * DAY_MS));
      const eersteContact = resultaat === 'beantwoord' || resultaat === 'doorverwezen';
      contactRows.add({
        uuid,
        tenant_id: tenantId,
        nummer: String(index + 1).padStart(10, '0'),
        kanaal,
        onderwerp,
        inhoud: `Vraag over ${onderwerp.toLowerCase()}.`,
        reactie: resultaat,
        indicatie_contact_gelukt: true,
        verdere_actie_ondernomen: !eersteContact,
        taal: 'dut',
        vertrouwelijk: false,
        plaatsgevonden_op: moment,
        metadata: {},
        created_at: moment,
      });
      betrokkeneRows.add({ uuid: betrokkene, tenant_id: tenantId, partij_uuid: partij, klantcontact_uuid: uuid, rol: 'klant', initiator: true, created_at: moment });
      kccRows.add({
        klantcontact_uuid: uuid,
        tenant_id: tenantId,
        kanaal,
        onderwerp,
        partij_uuid: partij,
        betrokkene_uuid: betrokkene,
        status: 'gesloten',
        resultaat,
        afgehandeld_bij_eerste_contact: eersteContact,
        geopend_op: moment,
        gesloten_op: new Date(moment.getTime() + 5 * 60 * 1000),
      });
    }
    await contactRows.send(client);
    await betrokkeneRows.send(client);
    await kccRows.send(client);
    await client.query('ALTER TABLE kcc_contacten ENABLE TRIGGER inzicht_kcc_ins');
    await client.query('COMMIT');
    options.onProgress?.(Math.min(options.count, start + chunkSize));
  }
  await client.query(`INSERT INTO ki_nummers (tenant_id, soort, last_number) VALUES ($1, 'klantcontact', $2) ON CONFLICT (tenant_id, soort) DO UPDATE SET last_number = greatest(ki_nummers.last_number, excluded.last_number)`, [tenantId, options.count]);
  for (const table of ['ki_partijen', 'ki_partij_identificatoren', 'ki_klantcontacten', 'ki_betrokkenen', 'kcc_contacten']) await client.query(`ANALYZE ${table}`);
  return byBsn;
}
