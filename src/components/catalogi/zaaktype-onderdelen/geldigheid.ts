import type { InvalidParam } from '../../../platform/errors/catalogue.ts';
import type { OwningZaaktype } from './owner.ts';

/*
 * The (deprecated) geldigheid of a part is its zaaktype's: "Bij het aanmaken van een nieuwe versie van een Roltype,
 * Statustype, ResultaatType, Eigenschap of Zaakobjecttype wordt een meegegeven beginGeldigheid gevalideerd tegen
 * de beginGeldigheid […] van het bijbehorende Zaaktype. Deze MOETen overeenkomen. Wordt de beginGeldigheid niet
 * meegegeven wordt de beginGeldigheid van het Zaaktype overgenomen." The same holds for eindeGeldigheid, which the
 * zaaktype sets for all its parts at once. beginObject and eindeObject are derived and, like everywhere in the
 * Catalogi API, accepted but not stored.
 */

/** Problems of the geldigheid a client wrote (only the fields in its body), against the part's zaaktype. */
export function geldigheidProblems(body: { beginGeldigheid?: unknown; eindeGeldigheid?: unknown }, zaaktype: OwningZaaktype): InvalidParam[] {
  const problems: InvalidParam[] = [];
  const begin = body.beginGeldigheid;
  if (typeof begin === 'string' && begin !== zaaktype.beginGeldigheid) {
    problems.push({
      name: 'beginGeldigheid',
      code: 'geldigheid-mismatch',
      reason: `beginGeldigheid moet gelijk zijn aan die van het zaaktype (${zaaktype.beginGeldigheid}); laat het veld weg om die over te nemen.`,
    });
  }
  const einde = body.eindeGeldigheid;
  if (typeof einde === 'string' && einde !== zaaktype.eindeGeldigheid) {
    problems.push({
      name: 'eindeGeldigheid',
      code: 'geldigheid-mismatch',
      reason: `eindeGeldigheid volgt het zaaktype (${zaaktype.eindeGeldigheid ?? 'geen einde'}); wijzig die van het zaaktype of laat het veld weg.`,
    });
  }
  return problems;
}
