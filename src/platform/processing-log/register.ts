import type { Kysely } from 'kysely';
import type { Database } from '../database/schema.ts';

/** One entry of the register of processing activities (verwerkingsactiviteiten, AVG art. 30). */
export interface ProcessingActivity {
  /** Stable code that log records point to (`dpl.core.processing_activity_id`). */
  id: string;
  name: string;
  /** Doel van de verwerking. */
  purpose: string;
  /** Rechtsgrond (AVG art. 6) with the law that gives the task or obligation. */
  legalGround: string;
  /** When true, the existence of this processing is not disclosed to the person in an inzage (decided per activity, not per record). */
  confidential: boolean;
  /** How long log records of this activity are kept. */
  retentionYears: number;
}

const PUBLIC_TASK = 'AVG art. 6 lid 1 sub e: taak van algemeen belang (Awb, Gemeentewet)';

/**
 * The register every municipality starts with. A tenant's privacy officer adapts it to the
 * municipality's own register; modules that start processing personal data for another purpose add
 * an activity here rather than reusing one whose purpose does not fit.
 *
 * The standard asks a register to give a relevant change of an activity a new identifier, so that a
 * log record always points to the version it was written under: change a purpose or legal ground by
 * adding e.g. `zaak-behandelen-2`, not by editing the row.
 *
 * Retention is for the log records, not for the data itself: long enough to answer inzage requests
 * and to account for the processing in objection and appeal procedures (bezwaar en beroep).
 */
export const DEFAULT_PROCESSING_ACTIVITIES: readonly ProcessingActivity[] = [
  {
    id: 'zaak-behandelen',
    name: 'Zaak behandelen',
    purpose: 'Aanvragen, meldingen en andere verzoeken van inwoners en ondernemers als zaak behandelen, tot en met het besluit en de archivering.',
    legalGround: PUBLIC_TASK,
    confidential: false,
    retentionYears: 20,
  },
  {
    id: 'klantcontact-registreren',
    name: 'Klantcontact registreren',
    purpose: 'Contacten met inwoners en ondernemers via elk kanaal vastleggen, vragen beantwoorden en zo nodig doorzetten naar de behandelaar.',
    legalGround: PUBLIC_TASK,
    confidential: false,
    retentionYears: 2,
  },
  {
    id: 'klantcontact-afhandelen',
    name: 'Klantcontact afhandelen',
    purpose: 'Een inwoner of ondernemer die contact opneemt identificeren en de vraag beantwoorden met de eigen zaken en eerdere contacten.',
    legalGround: 'AVG art. 6 lid 1 sub e: taak van algemeen belang (Awb, Gemeentewet)',
    confidential: false,
    retentionYears: 2,
  },
  {
    id: 'portaal-mijn-zaken',
    name: 'Mijn zaken tonen',
    purpose: 'Een ingelogde inwoner of ondernemer (DigiD, eHerkenning) de eigen zaken, de status en de berichten daarover laten inzien.',
    legalGround: 'AVG art. 6 lid 1 sub e: taak van algemeen belang (Awb, Gemeentewet, Wet digitale overheid)',
    confidential: false,
    retentionYears: 2,
  },
  {
    id: 'afspraak-balie',
    name: 'Balieafspraak plannen',
    purpose: 'Afspraken van inwoners en ondernemers aan de balie plannen, bevestigen, wijzigen en afhandelen.',
    legalGround: 'AVG art. 6 lid 1 sub e: taak van algemeen belang (Gemeentewet, Paspoortwet, Wegenverkeerswet, Wet BRP)',
    confidential: false,
    retentionYears: 2,
  },
  {
    id: 'inzage-verzoek-afhandelen',
    name: 'AVG-verzoek afhandelen',
    purpose: 'Verzoeken van betrokkenen om inzage, rectificatie, beperking of verwijdering van hun persoonsgegevens afhandelen.',
    legalGround: 'AVG art. 6 lid 1 sub c: wettelijke verplichting (AVG art. 12 tot en met 22)',
    confidential: false,
    retentionYears: 5,
  },
  {
    id: 'medewerker-authenticatie',
    name: 'Medewerker aanmelden',
    purpose: 'Medewerkers aanmelden en hun rechten vaststellen, zodat alleen bevoegden persoonsgegevens verwerken.',
    legalGround: 'AVG art. 6 lid 1 sub c: wettelijke verplichting tot passende beveiliging (AVG art. 32, BIO)',
    confidential: false,
    retentionYears: 2,
  },
];

/**
 * Adds the default activities to a tenant's register. Activities the tenant already has are left as
 * they are (the tenant may have adapted them), so this is safe to run again after new defaults ship.
 */
export async function seedProcessingRegister(db: Kysely<Database>, tenantId: string, activities: readonly ProcessingActivity[] = DEFAULT_PROCESSING_ACTIVITIES): Promise<void> {
  if (activities.length === 0) return;
  await db
    .insertInto('processing_activities')
    .values(
      activities.map((activity) => ({
        tenant_id: tenantId,
        id: activity.id,
        name: activity.name,
        purpose: activity.purpose,
        legal_ground: activity.legalGround,
        confidential: activity.confidential,
        retention_years: activity.retentionYears,
      })),
    )
    .onConflict((oc) => oc.columns(['tenant_id', 'id']).doNothing())
    .execute();
}
