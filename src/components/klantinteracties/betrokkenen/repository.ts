import { sql } from 'kysely';
import { byUrl, byUuid, custom, relatedUuid, text, type Condition, type FilterSet } from '../shared/filters.ts';

const STRING = { type: 'string' } as const;

function contactnaamFilter(field: string): FilterSet[string] {
  return custom(STRING, (value) => sql<boolean>`r.contactnaam ->> ${field} = ${value}`);
}

function klantcontactFilter(codeColumn: string): FilterSet[string] {
  return custom(STRING, (value) => sql<boolean>`EXISTS (SELECT 1 FROM ki_klantcontacten k WHERE k.uuid = r.klantcontact_uuid AND ${sql.ref(`k.${codeColumn}`)} = ${value})`);
}

function partijIdentificatorFilter(codeColumn: string): FilterSet[string] {
  return custom(STRING, (value) => sql<boolean>`EXISTS (SELECT 1 FROM ki_partij_identificatoren i WHERE i.partij_uuid = r.partij_uuid AND ${sql.ref(`i.${codeColumn}`)} = ${value})`);
}

const adresExists = (condition: Condition): Condition => sql<boolean>`EXISTS (SELECT 1 FROM ki_digitale_adressen d WHERE d.verstrekt_door_betrokkene_uuid = r.uuid AND ${condition})`;
const adres = relatedUuid('digitaleadressen', (uuid) => adresExists(sql<boolean>`d.uuid = ${uuid}`));

/** The filters of `betrokkenenList`. */
export const BETROKKENE_FILTERS: FilterSet = {
  contactnaamAchternaam: contactnaamFilter('achternaam'),
  contactnaamVoorletters: contactnaamFilter('voorletters'),
  contactnaamVoornaam: contactnaamFilter('voornaam'),
  contactnaamVoorvoegselAchternaam: contactnaamFilter('voorvoegselAchternaam'),
  hadKlantcontact__nummer: klantcontactFilter('nummer'),
  hadKlantcontact__referentienummer: klantcontactFilter('referentienummer'),
  hadKlantcontact__url: byUrl('klantcontact_uuid', 'klantcontacten'),
  hadKlantcontact__uuid: byUuid('klantcontact_uuid'),
  organisatienaam: text('organisatienaam'),
  verstrektedigitaalAdres__adres: custom(STRING, (value) => adresExists(sql<boolean>`d.adres = ${value}`)),
  verstrektedigitaalAdres__url: adres.url,
  verstrektedigitaalAdres__uuid: adres.uuid,
  wasPartij__nummer: custom(STRING, (value) => sql<boolean>`EXISTS (SELECT 1 FROM ki_partijen p WHERE p.uuid = r.partij_uuid AND p.nummer = ${value})`),
  wasPartij__partijIdentificator__codeObjecttype: partijIdentificatorFilter('code_objecttype'),
  wasPartij__partijIdentificator__codeRegister: partijIdentificatorFilter('code_register'),
  wasPartij__partijIdentificator__codeSoortObjectId: partijIdentificatorFilter('code_soort_object_id'),
  wasPartij__partijIdentificator__objectId: partijIdentificatorFilter('object_id'),
  wasPartij__url: byUrl('partij_uuid', 'partijen'),
  wasPartij__uuid: byUuid('partij_uuid'),
};
