/* The URLs of a request on someone's behalf, under the klantcontact it was made in. */

export function namensPath(klantcontactUuid: string, rest = ''): string {
  return `/medewerker/kcc/contacten/${klantcontactUuid}/aanvraag${rest}`;
}
