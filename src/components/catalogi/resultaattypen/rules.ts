import type { InvalidParam } from '../../../platform/errors/catalogue.ts';
import type { ResultaatRecord } from '../../referentielijsten/repository.ts';
import { isIsoDuration } from '../shared/duration.ts';
import type { OwningZaaktype } from '../zaaktype-onderdelen/owner.ts';
import { ARCHIEFNOMINATIES, type Afleidingswijze, type Archiefnominatie, type BrondatumArchiefprocedure, type ResultaattypeInput } from './schemas.ts';
import { procestypeUuid, resultaattypeomschrijving, selectielijstResultaat } from './selectielijst.ts';

/*
 * The resultaattype rules of the Catalogi API that a JSON schema cannot state (ztc-002 to ztc-008), with the codes
 * of the reference implementation. A resultaattype decides what happens to the zaakdossier once a zaak ends with
 * it: keep or destroy (archiefnominatie), after how long (archiefactietermijn), counted from which date
 * (brondatumArchiefprocedure). The Selectielijst prescribes these per kind of process, hence the checks against it.
 */

/** The Selectielijst facts a resultaattype's rules and defaults use. */
export interface SelectielijstChoice {
  resultaat?: ResultaatRecord;
  problems: InvalidParam[];
}

/**
 * ztc-002: `resultaattypeomschrijving` names a Resultaattypeomschrijving of the Referentielijsten, and
 * `selectielijstklasse` a Resultaat of the Selectielijst that belongs to the zaaktype's selectielijstProcestype.
 */
export function selectielijstProblems(input: Pick<ResultaattypeInput, 'resultaattypeomschrijving' | 'selectielijstklasse'>, zaaktype: OwningZaaktype | undefined, base: string): SelectielijstChoice {
  const problems: InvalidParam[] = [];
  if (typeof input.resultaattypeomschrijving === 'string' && resultaattypeomschrijving(input.resultaattypeomschrijving, base) === undefined) {
    problems.push({
      name: 'resultaattypeomschrijving',
      code: 'invalid-resource',
      reason: 'Geef de URL van een resultaattypeomschrijving uit de Referentielijsten op (van deze Loket-installatie of selectielijst.openzaak.nl).',
    });
  }
  if (typeof input.selectielijstklasse !== 'string') return { problems };
  const resultaat = selectielijstResultaat(input.selectielijstklasse, base);
  if (!resultaat) {
    problems.push({
      name: 'selectielijstklasse',
      code: 'invalid-resource',
      reason: 'Geef de URL van een resultaat uit de Selectielijst op (van deze Loket-installatie of selectielijst.openzaak.nl).',
    });
    return { problems };
  }
  if (zaaktype && procestypeUuid(zaaktype.selectielijstProcestype) !== resultaat.procesType.toLowerCase()) {
    problems.push({
      name: 'selectielijstklasse',
      code: 'procestype-mismatch',
      reason:
        zaaktype.selectielijstProcestype === ''
          ? 'Het zaaktype heeft geen selectielijstProcestype; geef het zaaktype eerst een procestype uit de Selectielijst.'
          : 'Dit Selectielijst-resultaat hoort niet bij het selectielijstProcestype van het zaaktype.',
    });
  }
  return { resultaat, problems };
}

/**
 * ztc-002: the archiefnominatie and archiefactietermijn a resultaattype gets, its own when written, otherwise the
 * Selectielijst resultaat's waardering and bewaartermijn.
 */
export function archiefDefaults(input: Pick<ResultaattypeInput, 'archiefnominatie' | 'archiefactietermijn'>, resultaat: ResultaatRecord | undefined): { archiefnominatie: Archiefnominatie | null; archiefactietermijn: string | null } {
  const waardering = resultaat?.waardering;
  const derivedNominatie = typeof waardering === 'string' && (ARCHIEFNOMINATIES as readonly string[]).includes(waardering) ? (waardering as Archiefnominatie) : null;
  const bewaartermijn = resultaat?.bewaartermijn;
  return {
    archiefnominatie: input.archiefnominatie !== undefined && input.archiefnominatie !== '' ? input.archiefnominatie : derivedNominatie,
    archiefactietermijn: input.archiefactietermijn ?? (typeof bewaartermijn === 'string' && bewaartermijn !== '' ? bewaartermijn : null),
  };
}

/** The attributes of a brondatumArchiefprocedure whose presence depends on the afleidingswijze. */
type Kenmerk = 'datumkenmerk' | 'einddatumBekend' | 'objecttype' | 'registratie' | 'procestermijn';

/**
 * ztc-004 to ztc-008, per afleidingswijze: `true` when the attribute MUST have a value, `false` when it MAY NOT;
 * an attribute left out of a row may have either (einddatumBekend outside afgehandeld and termijn).
 */
const KENMERKEN: Record<Afleidingswijze, Partial<Record<Kenmerk, boolean>>> = {
  afgehandeld: { procestermijn: false, datumkenmerk: false, einddatumBekend: false, objecttype: false, registratie: false },
  ander_datumkenmerk: { procestermijn: false, datumkenmerk: true, objecttype: true, registratie: true },
  eigenschap: { procestermijn: false, datumkenmerk: true, objecttype: false, registratie: false },
  gerelateerde_zaak: { procestermijn: false, datumkenmerk: false, objecttype: false, registratie: false },
  hoofdzaak: { procestermijn: false, datumkenmerk: false, objecttype: false, registratie: false },
  ingangsdatum_besluit: { procestermijn: false, datumkenmerk: false, objecttype: false, registratie: false },
  termijn: { procestermijn: true, datumkenmerk: false, einddatumBekend: false, objecttype: false, registratie: false },
  vervaldatum_besluit: { procestermijn: false, datumkenmerk: false, objecttype: false, registratie: false },
  zaakobject: { procestermijn: false, datumkenmerk: true, objecttype: true, registratie: false },
};

/** Which rule each attribute falls under, for the reason a client reads. */
const RULE: Record<Kenmerk, string> = { datumkenmerk: 'ztc-004', einddatumBekend: 'ztc-005', objecttype: 'ztc-006', registratie: 'ztc-007', procestermijn: 'ztc-008' };

function hasValue(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '' && value !== false;
}

/**
 * The problems of a brondatumArchiefprocedure: ztc-003 against the Selectielijst resultaat's procestermijn, ztc-004
 * to ztc-008 between its own attributes, and an ISO 8601 procestermijn.
 */
export function brondatumProblems(brondatum: BrondatumArchiefprocedure | null | undefined, resultaat: ResultaatRecord | undefined): InvalidParam[] {
  if (typeof brondatum !== 'object' || brondatum === null) return [];
  const afleidingswijze = brondatum.afleidingswijze;
  const rules = KENMERKEN[afleidingswijze] as Partial<Record<Kenmerk, boolean>> | undefined;
  if (!rules) return [];
  const problems: InvalidParam[] = [];
  const procestermijn = typeof resultaat?.procestermijn === 'string' ? resultaat.procestermijn : '';
  // ztc-003; without a procestermijn in the Selectielijst every afleidingswijze is allowed.
  if (procestermijn === 'nihil' && afleidingswijze !== 'afgehandeld') {
    problems.push(afleidingswijzeProblem(`De afleidingswijze moet afgehandeld zijn, want het Selectielijst-resultaat heeft procestermijn nihil (ztc-003).`));
  } else if (procestermijn === 'ingeschatte_bestaansduur_procesobject' && afleidingswijze !== 'termijn') {
    problems.push(afleidingswijzeProblem(`De afleidingswijze moet termijn zijn, want het Selectielijst-resultaat heeft procestermijn ${procestermijn} (ztc-003).`));
  } else if (procestermijn !== '' && procestermijn !== 'nihil' && afleidingswijze === 'afgehandeld') {
    // The reference implementation's reading of ztc-003: afgehandeld is the afleidingswijze of procestermijn nihil only.
    problems.push(afleidingswijzeProblem(`De afleidingswijze kan niet afgehandeld zijn, want het Selectielijst-resultaat heeft procestermijn ${procestermijn} (ztc-003).`));
  }
  for (const [kenmerk, required] of Object.entries(rules) as [Kenmerk, boolean][]) {
    const present = hasValue(brondatum[kenmerk]);
    if (required && !present) {
      problems.push({ name: `brondatumArchiefprocedure.${kenmerk}`, code: 'required', reason: `Dit veld is vereist bij afleidingswijze ${afleidingswijze} (${RULE[kenmerk]}).` });
    } else if (!required && present) {
      problems.push({ name: `brondatumArchiefprocedure.${kenmerk}`, code: 'must-be-empty', reason: `Dit veld moet leeg zijn bij afleidingswijze ${afleidingswijze} (${RULE[kenmerk]}).` });
    }
  }
  if (typeof brondatum.procestermijn === 'string' && brondatum.procestermijn !== '' && !isIsoDuration(brondatum.procestermijn)) {
    problems.push({ name: 'brondatumArchiefprocedure.procestermijn', code: 'invalid', reason: 'Geef een tijdsduur in ISO 8601-formaat op, bijvoorbeeld P5Y.' });
  }
  return problems;
}

function afleidingswijzeProblem(reason: string): InvalidParam {
  return { name: 'brondatumArchiefprocedure.afleidingswijze', code: 'invalid-afleidingswijze-for-procestermijn', reason };
}

/**
 * A resultaattype whose zaken are not kept forever needs a brondatumArchiefprocedure, or the Zaken API could not
 * compute when to destroy them; the reference implementation demands it on create and PUT.
 */
export function brondatumRequiredProblems(brondatum: BrondatumArchiefprocedure | null | undefined, archiefnominatie: Archiefnominatie | null): InvalidParam[] {
  if ((brondatum !== undefined && brondatum !== null) || archiefnominatie === 'blijvend_bewaren') return [];
  return [
    {
      name: 'brondatumArchiefprocedure',
      code: 'required',
      reason: 'Geef een brondatumArchiefprocedure op: zonder kan de archiefactiedatum van een zaak niet worden bepaald (alleen bij blijvend bewaren mag hij ontbreken).',
    },
  ];
}
