import type { Kysely } from 'kysely';
import type { Database } from '../database/schema.ts';
import { seedProcessingRegister } from '../processing-log/register.ts';

/** What every new tenant starts with (its register of processing activities, …); modules add their defaults here. */
export async function seedTenantDefaults(db: Kysely<Database>, tenantId: string): Promise<void> {
  await seedProcessingRegister(db, tenantId);
}
