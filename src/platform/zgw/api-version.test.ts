import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ZGW_API_VERSIONS, type ZgwComponent } from './api-version.ts';

const STANDARDS = join(import.meta.dirname, '../../../../shared/standards/zgw');

describe('API-version', () => {
  it.each(Object.entries(ZGW_API_VERSIONS) as [ZgwComponent, string][])('announces the info.version of the %s specification', (component, version) => {
    const spec = parse(readFileSync(join(STANDARDS, `${component}-${version}.yaml`), 'utf8')) as { info: { version: string } };
    expect(spec.info.version).toBe(version);
  });
});
