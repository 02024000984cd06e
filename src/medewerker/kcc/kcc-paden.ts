/* The URLs of the KCC workspace. The contactverzoek and aanvraag pages under a contact belong to other modules. */

export const KCC_PATH = '/medewerker/kcc';
export const KCC_CONTACTEN_PATH = `${KCC_PATH}/contacten`;
export const KCC_KLIK_PATH = `${KCC_PATH}/klik`;

export function contactPath(klantcontactUuid: string): string {
  return `${KCC_CONTACTEN_PATH}/${klantcontactUuid}`;
}

export function contactverzoekPath(klantcontactUuid: string): string {
  return `${contactPath(klantcontactUuid)}/contactverzoek`;
}

export function aanvraagPath(klantcontactUuid: string): string {
  return `${contactPath(klantcontactUuid)}/aanvraag`;
}

export function antwoordPath(slug: string, klantcontactUuid: string): string {
  return `${KCC_PATH}/antwoorden/${slug}?${new URLSearchParams({ contact: klantcontactUuid }).toString()}`;
}

/** A kennisbank result's link: through the click log, then on to the answer. */
export function klikPath(zoekopdracht: string, slug: string, positie: number, klantcontactUuid: string): string {
  return `${KCC_KLIK_PATH}?${new URLSearchParams({ zoekopdracht, product: slug, positie: String(positie), contact: klantcontactUuid }).toString()}`;
}
