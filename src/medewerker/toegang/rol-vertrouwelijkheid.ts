import type { Kysely } from 'kysely';
import type { Database } from '../../platform/database/schema.ts';
import { VERTROUWELIJKHEIDAANDUIDINGEN, type Vertrouwelijkheidaanduiding } from '../../platform/auth/autorisaties.ts';

/*
 * The highest vertrouwelijkheidaanduiding each staff role may read. A municipality can change it per role; until it
 * does, these defaults hold: the KCC reads ordinary zaken (zaakvertrouwelijk) but not, say, a Wmo-melding
 * (vertrouwelijk); behandelaars and teamleiders read up to confidentieel within their teams' zaaktypen. A role that
 * is not listed reads only what is public.
 */
export const DEFAULT_ROL_VERTROUWELIJKHEID: Readonly<Partial<Record<string, Vertrouwelijkheidaanduiding>>> = {
  kcc: 'zaakvertrouwelijk',
  behandelaar: 'confidentieel',
  teamleider: 'confidentieel',
  beheerder: 'intern',
  privacy: 'intern',
};

export function isVertrouwelijkheidaanduiding(value: string): value is Vertrouwelijkheidaanduiding {
  return (VERTROUWELIJKHEIDAANDUIDINGEN as readonly string[]).includes(value);
}

/** Per role the aanduiding in force for this municipality: its own setting, else the default. */
export async function loadRolVertrouwelijkheid(db: Kysely<Database>, tenantId: string): Promise<Map<string, Vertrouwelijkheidaanduiding>> {
  const rows = await db.selectFrom('rol_vertrouwelijkheid').select(['rol', 'max_vertrouwelijkheidaanduiding']).where('tenant_id', '=', tenantId).execute();
  return rolVertrouwelijkheidInForce(rows);
}

/** The defaults overlaid with the municipality's own settings (rows with an unknown aanduiding are ignored). */
export function rolVertrouwelijkheidInForce(rows: readonly { rol: string; max_vertrouwelijkheidaanduiding: string }[]): Map<string, Vertrouwelijkheidaanduiding> {
  const inForce = new Map<string, Vertrouwelijkheidaanduiding>(Object.entries(DEFAULT_ROL_VERTROUWELIJKHEID) as [string, Vertrouwelijkheidaanduiding][]);
  for (const row of rows) {
    if (isVertrouwelijkheidaanduiding(row.max_vertrouwelijkheidaanduiding)) inForce.set(row.rol, row.max_vertrouwelijkheidaanduiding);
  }
  return inForce;
}

export async function setRolVertrouwelijkheid(db: Kysely<Database>, tenantId: string, rol: string, aanduiding: Vertrouwelijkheidaanduiding): Promise<void> {
  await db
    .insertInto('rol_vertrouwelijkheid')
    .values({ tenant_id: tenantId, rol, max_vertrouwelijkheidaanduiding: aanduiding })
    .onConflict((oc) => oc.columns(['tenant_id', 'rol']).doUpdateSet({ max_vertrouwelijkheidaanduiding: aanduiding }))
    .execute();
}
