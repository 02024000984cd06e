import { describe, expect, it } from 'vitest';
import { uuidFromUrl } from './urls.ts';

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
