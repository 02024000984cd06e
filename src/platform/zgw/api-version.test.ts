import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { apiVersionForPath, ZGW_API_VERSIONS, type ZgwComponent } from './api-version.ts';

const STANDARDS = join(import.meta.dirname, '../../../../shared/standards/zgw');

describe('API-version', () => {
  it.each(Object.entries(ZGW_API_VERSIONS) as [ZgwComponent, string][])('announces the info.version of the %s specification', (component, version) => {
    const spec = parse(readFileSync(join(STANDARDS, `${component}-${version}.yaml`), 'utf8')) as { info: { version: string } };
    expect(spec.info.version).toBe(version);
  });

  it('knows the component of a path under a ZGW prefix, and only there', () => {
    expect(apiVersionForPath('/zaken/api/v1/bestaat-niet')).toBe('1.7.0');
    expect(apiVersionForPath('/catalogi/api/v1')).toBe('1.3.3');
    expect(apiVersionForPath('/referentielijsten/api/v1/resultaten')).toBeUndefined();
    expect(apiVersionForPath('/medewerker')).toBeUndefined();
    expect(apiVersionForPath('/klantinteracties/api/v1/bestaat-niet')).toBe('0.9.0');
  });
});
