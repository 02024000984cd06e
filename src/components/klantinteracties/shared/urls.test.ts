import { describe, expect, it } from 'vitest';
import { loadKlantinteractiesSpec } from '../klantinteracties-test-kit.ts';
import { KLANTINTERACTIES_API_VERSION, uuidFromUrl } from './urls.ts';

describe('uuidFromUrl', () => {
  const uuid = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';

  it('reads the uuid of a URL of the named resource on any host', () => {
    expect(uuidFromUrl(`https://elders.example/klantinteracties/api/v1/partijen/${uuid}`, 'partijen')).toBe(uuid);
    expect(uuidFromUrl(`http://x/klantinteracties/api/v1/partijen/${uuid.toUpperCase()}/`, 'partijen')).toBe(uuid);
  });

  it('refuses another resource and a last segment that is no uuid', () => {
    expect(uuidFromUrl(`https://x/klantinteracties/api/v1/actoren/${uuid}`, 'partijen')).toBeUndefined();
    expect(uuidFromUrl('https://x/klantinteracties/api/v1/partijen/123', 'partijen')).toBeUndefined();
  });
});

describe('API-version', () => {
  it('announces the info.version of the specification', async () => {
    const spec = await loadKlantinteractiesSpec();
    expect((spec.document.info as { version: string }).version).toBe(KLANTINTERACTIES_API_VERSION);
  });
});
