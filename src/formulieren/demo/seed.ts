import type { Kysely } from 'kysely';
import type { Database, Tenant } from '../../platform/database/schema.ts';
import { findFormulierVoorZaaktype } from '../repository.ts';
import { maakFormulier, publiceerFormulier } from '../service.ts';
import { DEMO_FORMULIEREN } from './demo-formulieren.ts';

const DEMO_DOOR = 'Demo-inrichting';

/**
 * Gives a tenant with the demo catalogue the demo e-forms, published (checked against the zaaktypen like any form).
 * A zaaktype that already has a form keeps it, so seeding twice changes nothing.
 */
export async function seedDemoFormulieren(db: Kysely<Database>, tenant: Pick<Tenant, 'id' | 'hostnames' | 'slug'>): Promise<void> {
  const origin = { protocol: 'https' as const, host: tenant.hostnames[0] ?? `${tenant.slug}.invalid` };
  for (const [identificatie, definitie] of Object.entries(DEMO_FORMULIEREN)) {
    if (await findFormulierVoorZaaktype(db, tenant.id, identificatie)) continue;
    const made = await maakFormulier(db, tenant.id, origin, identificatie, DEMO_DOOR, definitie);
    if (!made.formulier) throw new Error(`Demo form ${identificatie} is invalid: ${made.problemen.map((probleem) => `${probleem.plaats}: ${probleem.melding}`).join('; ')}`);
    await publiceerFormulier(db, tenant.id, origin, made.formulier.uuid, DEMO_DOOR);
  }
}
