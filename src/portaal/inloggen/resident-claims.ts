import { isValidBsn } from '../../platform/personal-data/bsn.ts';
import type { NewResidentSession, SignInMeans } from '../../platform/auth/resident-session.ts';

/** Which claims carry the identity (configured per broker). */
export interface ResidentClaimNames {
  bsnClaim: string;
  kvkClaim: string;
  nameClaim: string;
}

/** Why a broker's answer does not give a usable identity. */
export type ClaimsRefusal = 'geen-identificatie' | 'ongeldig-bsn' | 'ongeldig-kvk';

const KVK_NUMBER = /^\d{8}$/;

function text(claims: Record<string, unknown>, name: string): string | undefined {
  const value = claims[name];
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/**
 * The identity the broker vouched for: a BSN for DigiD, a KvK number for eHerkenning, in the form Loket stores
 * (nine digits passing the 11-proef; eight digits). A broker that sends a BSN without its leading zero gets it back.
 */
export function identityFromClaims(
  claims: Record<string, unknown>,
  names: ResidentClaimNames,
  middel: Exclude<SignInMeans, 'demo'> | 'demo',
): Omit<NewResidentSession, 'tenantId'> | ClaimsRefusal {
  const naam = text(claims, names.nameClaim) ?? '';
  const eMail = text(claims, 'email');
  const betrouwbaarheidsniveau = text(claims, 'acr');
  const bsn = text(claims, names.bsnClaim);
  const kvk = text(claims, names.kvkClaim);
  if (middel !== 'eherkenning' && bsn !== undefined) {
    const canonical = /^\d{8}$/.test(bsn) ? `0${bsn}` : bsn;
    if (!isValidBsn(canonical)) return 'ongeldig-bsn';
    return { soort: 'bsn', identificatie: canonical, naam, eMail, middel, betrouwbaarheidsniveau };
  }
  if (middel !== 'digid' && kvk !== undefined) {
    if (!KVK_NUMBER.test(kvk)) return 'ongeldig-kvk';
    return { soort: 'kvk', identificatie: kvk, naam, eMail, middel, betrouwbaarheidsniveau };
  }
  return 'geen-identificatie';
}
