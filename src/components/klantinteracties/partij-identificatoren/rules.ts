import type { InvalidParam } from '../../../platform/errors/catalogue.ts';
import { isValidBsn } from '../../../platform/personal-data/bsn.ts';
import { passesElevenTest } from '../../../platform/tenants/rsin.ts';

/*
 * The rules of a PARTIJIDENTIFICATOR (klantinteracties-0.9.0.yaml and the reference implementation): the register,
 * the kind of object and the kind of number must fit together (BRP: natuurlijk persoon by BSN; HR: niet-natuurlijk
 * persoon by RSIN or KvK-nummer, vestiging by vestigingsnummer), and the number must have its form: a BSN and an
 * RSIN pass the 11-proef, a KvK-nummer has 8 digits, a vestigingsnummer 12 and belongs to a KvK-nummer.
 */

/** The four codes of a partij identificator. */
export interface IdentificatorCodes {
  codeObjecttype: string;
  codeSoortObjectId: string;
  objectId: string;
  codeRegister: string;
}

const ALLOWED: Record<string, Record<string, readonly string[]>> = {
  brp: { natuurlijk_persoon: ['bsn'] },
  hr: { niet_natuurlijk_persoon: ['rsin', 'kvk_nummer'], vestiging: ['vestigingsnummer'] },
};

function formProblem(codes: IdentificatorCodes): string | undefined {
  const value = codes.objectId;
  switch (codes.codeSoortObjectId) {
    case 'bsn':
      if (!/^\d{9}$/.test(value)) return 'Een BSN bestaat uit precies negen cijfers.';
      return isValidBsn(value) ? undefined : 'Het BSN voldoet niet aan de 11-proef.';
    case 'rsin':
      if (!/^\d{9}$/.test(value)) return 'Een RSIN bestaat uit precies negen cijfers.';
      return passesElevenTest(value) ? undefined : 'Het RSIN voldoet niet aan de 11-proef.';
    case 'kvk_nummer':
      return /^\d{8}$/.test(value) ? undefined : 'Een KvK-nummer bestaat uit precies acht cijfers.';
    case 'vestigingsnummer':
      return /^\d{12}$/.test(value) ? undefined : 'Een vestigingsnummer bestaat uit precies twaalf cijfers.';
    default:
      return undefined;
  }
}

/**
 * Every problem with the codes, named under `prefix` (e.g. `partijIdentificator.` or
 * `partijIdentificatoren.0.partijIdentificator.`). `subIdentificatorVan` is the soort of the identificator it
 * belongs to, when one is given.
 */
export function identificatorProblems(codes: IdentificatorCodes, prefix: string, subIdentificatorVan: { codeSoortObjectId: string } | null): InvalidParam[] {
  const problems: InvalidParam[] = [];
  const objecttypen = ALLOWED[codes.codeRegister];
  const soorten = objecttypen?.[codes.codeObjecttype];
  if (!objecttypen) {
    problems.push({ name: `${prefix}codeRegister`, code: 'invalid_choice', reason: 'Het register is brp of hr.' });
  } else if (!soorten) {
    problems.push({ name: `${prefix}codeObjecttype`, code: 'invalid', reason: `Register ${codes.codeRegister} kent alleen objecttype(n) ${Object.keys(objecttypen).join(', ')}.` });
  } else if (!soorten.includes(codes.codeSoortObjectId)) {
    problems.push({ name: `${prefix}codeSoortObjectId`, code: 'invalid', reason: `Objecttype ${codes.codeObjecttype} wordt geïdentificeerd met ${soorten.join(' of ')}.` });
  }
  const form = formProblem(codes);
  if (form) problems.push({ name: `${prefix}objectId`, code: 'invalid', reason: form });
  const subPrefix = prefix.replace(/partijIdentificator\.$/, '');
  if (codes.codeSoortObjectId === 'vestigingsnummer' && subIdentificatorVan === null) {
    problems.push({ name: `${subPrefix}subIdentificatorVan`, code: 'required', reason: 'Een vestigingsnummer hoort bij een KvK-nummer: geef subIdentificatorVan.' });
  }
  if (subIdentificatorVan !== null && subIdentificatorVan.codeSoortObjectId !== 'kvk_nummer') {
    problems.push({ name: `${subPrefix}subIdentificatorVan`, code: 'invalid', reason: 'subIdentificatorVan moet een identificator met codeSoortObjectId kvk_nummer zijn.' });
  }
  if (subIdentificatorVan !== null && codes.codeSoortObjectId !== 'vestigingsnummer') {
    problems.push({ name: `${subPrefix}subIdentificatorVan`, code: 'invalid', reason: 'Alleen een vestigingsnummer kan een subIdentificatorVan hebben.' });
  }
  return problems;
}
