import type { ColumnType, Generated } from 'kysely';

/*
 * Catalogi API types (migrations/0009). `date` columns read as 'YYYY-MM-DD' text; `data` is the rest of the
 * resource's writable attributes as the API exchanges them (camelCase JSON).
 */

type DateText = ColumnType<string, string, string>;
type NullableDateText = ColumnType<string | null, string | null | undefined, string | null>;
type JsonObject = ColumnType<Record<string, unknown>, string | undefined, string>;
type UuidList = ColumnType<string[], string[] | undefined, string[]>;

export interface ZaaktypenTable {
  uuid: Generated<string>;
  tenant_id: string;
  catalogus_uuid: string;
  identificatie: string;
  omschrijving: string;
  vertrouwelijkheidaanduiding: string;
  doorlooptijd: string;
  servicenorm: string | null;
  opschorting_en_aanhouding_mogelijk: boolean;
  verlenging_mogelijk: boolean;
  verlengingstermijn: string | null;
  concept: ColumnType<boolean, boolean | undefined, boolean>;
  begin_geldigheid: DateText;
  einde_geldigheid: NullableDateText;
  besluittype_uuids: UuidList;
  data: JsonObject;
  created_at: Generated<Date>;
}

export interface InformatieobjecttypenTable {
  uuid: Generated<string>;
  tenant_id: string;
  catalogus_uuid: string;
  omschrijving: string;
  vertrouwelijkheidaanduiding: string;
  concept: ColumnType<boolean, boolean | undefined, boolean>;
  begin_geldigheid: DateText;
  einde_geldigheid: NullableDateText;
  data: JsonObject;
  created_at: Generated<Date>;
}

export interface BesluittypenTable {
  uuid: Generated<string>;
  tenant_id: string;
  catalogus_uuid: string;
  omschrijving: ColumnType<string, string | undefined, string>;
  reactietermijn: string | null;
  publicatie_indicatie: boolean;
  publicatietermijn: string | null;
  concept: ColumnType<boolean, boolean | undefined, boolean>;
  begin_geldigheid: DateText;
  einde_geldigheid: NullableDateText;
  informatieobjecttype_uuids: UuidList;
  data: JsonObject;
  created_at: Generated<Date>;
}

export interface StatustypenTable {
  uuid: Generated<string>;
  tenant_id: string;
  zaaktype_uuid: string;
  omschrijving: string;
  volgnummer: number;
  informeren: ColumnType<boolean, boolean | undefined, boolean>;
  data: JsonObject;
  created_at: Generated<Date>;
}

export interface ResultaattypenTable {
  uuid: Generated<string>;
  tenant_id: string;
  zaaktype_uuid: string;
  omschrijving: string;
  resultaattypeomschrijving: string;
  selectielijstklasse: string;
  archiefnominatie: string | null;
  archiefactietermijn: string | null;
  brondatum_archiefprocedure: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
  besluittype_uuids: UuidList;
  informatieobjecttype_uuids: UuidList;
  data: JsonObject;
  created_at: Generated<Date>;
}

export interface RoltypenTable {
  uuid: Generated<string>;
  tenant_id: string;
  zaaktype_uuid: string;
  omschrijving: string;
  omschrijving_generiek: string;
  data: JsonObject;
  created_at: Generated<Date>;
}

export interface EigenschappenTable {
  uuid: Generated<string>;
  tenant_id: string;
  zaaktype_uuid: string;
  naam: string;
  specificatie: ColumnType<Record<string, unknown>, string, string>;
  statustype_uuid: ColumnType<string | null, string | null | undefined, string | null>;
  data: JsonObject;
  created_at: Generated<Date>;
}

export interface ZaaktypeInformatieobjecttypenTable {
  uuid: Generated<string>;
  tenant_id: string;
  zaaktype_uuid: string;
  informatieobjecttype_omschrijving: string;
  volgnummer: number;
  richting: string;
  statustype_uuid: string | null;
  created_at: Generated<Date>;
}

export interface ZaakobjecttypenTable {
  uuid: Generated<string>;
  tenant_id: string;
  zaaktype_uuid: string;
  objecttype: string;
  relatie_omschrijving: string;
  data: JsonObject;
  created_at: Generated<Date>;
}

export interface CatalogiTypenTables {
  zaaktypen: ZaaktypenTable;
  informatieobjecttypen: InformatieobjecttypenTable;
  besluittypen: BesluittypenTable;
  statustypen: StatustypenTable;
  resultaattypen: ResultaattypenTable;
  roltypen: RoltypenTable;
  eigenschappen: EigenschappenTable;
  zaaktype_informatieobjecttypen: ZaaktypeInformatieobjecttypenTable;
  zaakobjecttypen: ZaakobjecttypenTable;
}
