import { sql, type Transaction } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { InvalidParam } from '../../../platform/errors/catalogue.ts';
import { invalid, ProblemError } from '../../../platform/errors/problem.ts';
import { isUniqueViolation } from '../../../platform/zgw/request-body.ts';

/*
 * An import writes one resource after another in one transaction and must report every problem, not just the first.
 * So each write runs under a savepoint: a write the services refuse is undone on its own (a refused write may already
 * have failed a statement, which would otherwise abort the whole transaction), its problems are kept under the
 * resource's place in the file, and the import goes on to find the next problem. At the end, any problem rolls back
 * everything.
 */

const SAVEPOINT = sql.raw('loket_uitwisseling_stap');

/** The service's problem names put under the resource's place in the file (`nonFieldErrors` is the place itself). */
export function placed(path: string, problems: readonly InvalidParam[]): InvalidParam[] {
  return problems.map((problem) => ({ ...problem, name: problem.name === 'nonFieldErrors' || problem.name === '' ? path : `${path}.${problem.name}` }));
}

/** A refusal's problems: its invalidParams, or the refusal itself when it names none. */
export function problemsOf(error: ProblemError): InvalidParam[] {
  return error.invalidParams.length > 0 ? error.invalidParams : [{ name: 'nonFieldErrors', code: error.code, reason: error.detail ?? error.title }];
}

/** Problems gathered over many writes in one transaction. */
export class ProblemCollector {
  readonly problems: InvalidParam[] = [];

  constructor(private readonly trx: Transaction<Database>) {}

  /** Adds problems found without writing (e.g. a name the file refers to that nothing defines). */
  add(path: string, problems: readonly InvalidParam[]): void {
    this.problems.push(...placed(path, problems));
  }

  /**
   * Runs one write; on a refusal keeps its problems and resolves to undefined. Anything other than a refusal is a
   * fault, not a problem with the file, and is thrown.
   */
  async attempt<T>(path: string, write: () => Promise<T>): Promise<T | undefined> {
    await sql`SAVEPOINT ${SAVEPOINT}`.execute(this.trx);
    try {
      const result = await write();
      await sql`RELEASE SAVEPOINT ${SAVEPOINT}`.execute(this.trx);
      return result;
    } catch (error) {
      await sql`ROLLBACK TO SAVEPOINT ${SAVEPOINT}`.execute(this.trx);
      if (error instanceof ProblemError) {
        this.add(path, problemsOf(error));
        return undefined;
      }
      // A race the services' checks cannot see (another writer took the name first) ends in the database's constraint.
      if (isUniqueViolation(error)) {
        this.add(path, [{ name: 'nonFieldErrors', code: 'unique', reason: 'Dit bestaat al in de catalogus.' }]);
        return undefined;
      }
      throw error;
    }
  }

  /** Throws every problem gathered, as one validation error, when there is any. */
  throwIfAny(detail: string): void {
    if (this.problems.length > 0) throw invalid(this.problems, detail);
  }
}
