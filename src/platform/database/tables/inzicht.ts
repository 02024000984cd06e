import type { Generated } from 'kysely';

/* Inzicht: the change queue and the aggregate tables the dashboards read (migrations/0100). */

export type InzichtBron = 'zaak' | 'kcc' | 'contactverzoek' | 'zoekopdracht' | 'beoordeling' | 'alles';

export interface InzichtWijzigingenTable {
  id: Generated<number>;
  tenant_id: string;
  bron: InzichtBron;
  zaak_uuid: string | null;
  dag: string | null;
}

export interface InzichtZaakFeitenTable {
  zaak_uuid: string;
  tenant_id: string;
  zaaktype_identificatie: string;
  kanaal: string;
  startdag: string;
  einddag: string | null;
  doorlooptijd_dagen: number | null;
  binnen_servicenorm: boolean | null;
  binnen_termijn: boolean | null;
  termijn: string;
  opgeschort: boolean;
  opschortingen: number;
  verlengd: boolean;
  heropend: boolean;
}

export interface InzichtZakenPerDagTable {
  tenant_id: string;
  dag: string;
  zaaktype_identificatie: string;
  kanaal: string;
  geopend: number;
  opgeschort: number;
  opschortingen: number;
  verlengd: number;
  heropend: number;
}

export interface InzichtAfgehandeldPerDagTable {
  tenant_id: string;
  dag: string;
  zaaktype_identificatie: string;
  kanaal: string;
  doorlooptijd_dagen: number;
  aantal: number;
  met_servicenorm: number;
  binnen_servicenorm: number;
  met_termijn: number;
  binnen_termijn: number;
}

export interface InzichtOpenstaandTable {
  tenant_id: string;
  zaaktype_identificatie: string;
  kanaal: string;
  termijn: string;
  aantal: number;
  opgeschort: number;
}

export interface InzichtKccPerUurTable {
  tenant_id: string;
  dag: string;
  uur: number;
  kanaal: string;
  aantal: number;
  gesloten: number;
  eerste_contact: number;
}

export interface InzichtContactverzoekenPerDagTable {
  tenant_id: string;
  dag: string;
  team: string;
  aangemaakt: number;
  opgepakt: number;
  binnen_dag_opgepakt: number;
  oppak_minuten: number;
  afgehandeld: number;
  te_laat_afgehandeld: number;
}

export interface InzichtZoekopdrachtenPerDagTable {
  tenant_id: string;
  dag: string;
  kanaal: string;
  zoekterm: string;
  aantal: number;
  zonder_resultaat: number;
  zonder_klik: number;
}

export interface InzichtBeoordelingenPerDagTable {
  tenant_id: string;
  dag: string;
  product_uuid: string;
  nuttig: number;
  niet_nuttig: number;
}

export interface InzichtTables {
  inzicht_wijzigingen: InzichtWijzigingenTable;
  inzicht_zaak_feiten: InzichtZaakFeitenTable;
  inzicht_zaken_per_dag: InzichtZakenPerDagTable;
  inzicht_afgehandeld_per_dag: InzichtAfgehandeldPerDagTable;
  inzicht_openstaand: InzichtOpenstaandTable;
  inzicht_kcc_per_uur: InzichtKccPerUurTable;
  inzicht_contactverzoeken_per_dag: InzichtContactverzoekenPerDagTable;
  inzicht_zoekopdrachten_per_dag: InzichtZoekopdrachtenPerDagTable;
  inzicht_beoordelingen_per_dag: InzichtBeoordelingenPerDagTable;
}
