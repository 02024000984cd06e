/* The URLs of the contactverzoeken: the KCC's hand-over under the contact, the back office's own list. */

export const CONTACTVERZOEKEN_PATH = '/medewerker/contactverzoeken';

/** The hand-over form of one klantcontact. */
export function overdrachtPath(klantcontactUuid: string): string {
  return `/medewerker/kcc/contacten/${klantcontactUuid}/contactverzoek`;
}

/** The KCC's page of one klantcontact (built by the KCC workspace). */
export function klantcontactPath(klantcontactUuid: string): string {
  return `/medewerker/kcc/contacten/${klantcontactUuid}`;
}

export function contactverzoekPath(interneTaakUuid: string, actie?: 'oppakken' | 'afsluiten'): string {
  return `${CONTACTVERZOEKEN_PATH}/${interneTaakUuid}${actie ? `/${actie}` : ''}`;
}
