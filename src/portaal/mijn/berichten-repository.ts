import type { Kysely } from 'kysely';
import type { Database } from '../../platform/database/schema.ts';
import { ownZaakUuids, type ZaakOwner } from './zaken-repository.ts';

/** A message about a zaak between behandelaar and resident. */
export interface Bericht {
  uuid: string;
  zaakUuid: string;
  zaakIdentificatie: string;
  richting: 'van_behandelaar' | 'van_inwoner';
  onderwerp: string;
  tekst: string;
  afzender: string;
  createdAt: Date;
  gelezenAt: Date | null;
}

export interface NewBericht {
  tenantId: string;
  zaakUuid: string;
  richting: Bericht['richting'];
  onderwerp: string;
  tekst: string;
  afzender: string;
}

function berichten(db: Kysely<Database>, tenantId: string) {
  return db
    .selectFrom('inwoner_berichten')
    .innerJoin('zaken', 'zaken.uuid', 'inwoner_berichten.zaak_uuid')
    .select([
      'inwoner_berichten.uuid',
      'inwoner_berichten.zaak_uuid',
      'zaken.identificatie',
      'inwoner_berichten.richting',
      'inwoner_berichten.onderwerp',
      'inwoner_berichten.tekst',
      'inwoner_berichten.afzender',
      'inwoner_berichten.created_at',
      'inwoner_berichten.gelezen_at',
    ])
    .where('inwoner_berichten.tenant_id', '=', tenantId)
    .where('zaken.tenant_id', '=', tenantId);
}

type BerichtRow = { uuid: string; zaak_uuid: string; identificatie: string; richting: Bericht['richting']; onderwerp: string; tekst: string; afzender: string; created_at: Date; gelezen_at: Date | null };

function toBericht(row: BerichtRow): Bericht {
  return {
    uuid: row.uuid,
    zaakUuid: row.zaak_uuid,
    zaakIdentificatie: row.identificatie,
    richting: row.richting,
    onderwerp: row.onderwerp,
    tekst: row.tekst,
    afzender: row.afzender,
    createdAt: row.created_at,
    gelezenAt: row.gelezen_at,
  };
}

export async function insertBericht(db: Kysely<Database>, bericht: NewBericht): Promise<string> {
  const row = await db
    .insertInto('inwoner_berichten')
    .values({ tenant_id: bericht.tenantId, zaak_uuid: bericht.zaakUuid, richting: bericht.richting, onderwerp: bericht.onderwerp, tekst: bericht.tekst, afzender: bericht.afzender })
    .returning('uuid')
    .executeTakeFirstOrThrow();
  return row.uuid;
}

/** The berichten of all the owner's zaken, newest first (at most `limit`). */
export async function listOwnBerichten(db: Kysely<Database>, owner: ZaakOwner, limit: number): Promise<Bericht[]> {
  const rows = await berichten(db, owner.tenantId)
    .where('inwoner_berichten.zaak_uuid', 'in', ownZaakUuids(db, owner))
    .orderBy('inwoner_berichten.created_at', 'desc')
    .orderBy('inwoner_berichten.uuid', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toBericht);
}

/** The berichten of one zaak, oldest first (a conversation reads top to bottom). */
export async function listZaakBerichten(db: Kysely<Database>, tenantId: string, zaakUuid: string): Promise<Bericht[]> {
  const rows = await berichten(db, tenantId).where('inwoner_berichten.zaak_uuid', '=', zaakUuid).orderBy('inwoner_berichten.created_at').orderBy('inwoner_berichten.uuid').execute();
  return rows.map(toBericht);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One of the owner's berichten, or undefined (unknown, or about someone else's zaak). */
export async function findOwnBericht(db: Kysely<Database>, owner: ZaakOwner, uuid: string): Promise<Bericht | undefined> {
  if (!UUID.test(uuid)) return undefined;
  const row = await berichten(db, owner.tenantId)
    .where('inwoner_berichten.uuid', '=', uuid.toLowerCase())
    .where('inwoner_berichten.zaak_uuid', 'in', ownZaakUuids(db, owner))
    .executeTakeFirst();
  return row ? toBericht(row) : undefined;
}

/** How many messages from the behandelaar about the owner's zaken the owner has not read. */
export async function countUnreadBerichten(db: Kysely<Database>, owner: ZaakOwner): Promise<number> {
  const row = await db
    .selectFrom('inwoner_berichten')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('tenant_id', '=', owner.tenantId)
    .where('zaak_uuid', 'in', ownZaakUuids(db, owner))
    .where('richting', '=', 'van_behandelaar')
    .where('gelezen_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Marks a message from the behandelaar as read by the resident (the first reading counts). */
export async function markBerichtRead(db: Kysely<Database>, tenantId: string, uuid: string, now: Date): Promise<void> {
  await db
    .updateTable('inwoner_berichten')
    .set({ gelezen_at: now })
    .where('tenant_id', '=', tenantId)
    .where('uuid', '=', uuid)
    .where('richting', '=', 'van_behandelaar')
    .where('gelezen_at', 'is', null)
    .execute();
}
