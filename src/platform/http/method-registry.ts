import FindMyWay, { type HTTPMethod } from 'find-my-way';

/** Remembers every route's path per method, so an unmatched request can be told 405 (with Allow) instead of 404. */
export class MethodRegistry {
  private readonly router = FindMyWay();
  private readonly methods = new Set<HTTPMethod>();

  add(method: string | string[], url: string): void {
    for (const one of Array.isArray(method) ? method : [method]) {
      const upper = one.toUpperCase() as HTTPMethod;
      this.methods.add(upper);
      if (!this.router.hasRoute(upper, url)) this.router.on(upper, url, () => undefined);
    }
  }

  /** Methods that do have a route for this path. */
  allowed(path: string): string[] {
    return [...this.methods].filter((method) => this.router.find(method, path) !== null).sort();
  }
}
