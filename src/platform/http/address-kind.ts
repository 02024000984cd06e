/*
 * What kind of network an IP address belongs to, after the IANA special-purpose address registries. Outbound
 * requests to client-supplied URLs may only reach `public` addresses (see outbound-url.ts); everything else is a
 * network Loket's server can reach but its clients should not make it reach (its own loopback, the private network it
 * runs in, the cloud metadata service on link-local 169.254.169.254, …).
 */

/** Anything not known to be public (including text that is no IP address) is not `public`. */
export type AddressKind =
  | 'public'
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'shared'
  | 'link-local'
  | 'unique-local'
  | 'multicast'
  | 'broadcast'
  | 'documentation'
  | 'reserved';

/** A range of addresses: the first `bits` bits of `base` (an IPv4 address in 32 bits or an IPv6 address in 128). */
interface Range {
  base: bigint;
  bits: number;
  kind: AddressKind | 'embedded-ipv4';
}

/** The dotted-quad IPv4 address as a 32-bit number, or undefined. */
function parseIpv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((part) => /^\d{1,3}$/.test(part) && Number(part) <= 255)) return undefined;
  return parts.reduce((value, part) => (value << 8n) | BigInt(part), 0n);
}

/** The IPv6 address (`::` shorthand, a dotted IPv4 tail and a `%zone` allowed) as a 128-bit number, or undefined. */
function parseIpv6(text: string): bigint | undefined {
  let address = text.replace(/%.*$/, '');
  const dotted = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (dotted) {
    const ipv4 = parseIpv4(dotted[2] ?? '');
    if (ipv4 === undefined) return undefined;
    address = `${dotted[1] ?? ''}${(ipv4 >> 16n).toString(16)}:${(ipv4 & 0xffffn).toString(16)}`;
  }
  const halves = address.split('::');
  if (halves.length > 2) return undefined;
  const groupsOf = (half: string | undefined): string[] => (half === undefined || half === '' ? [] : half.split(':'));
  const head = groupsOf(halves[0]);
  const tail = groupsOf(halves[1]);
  const compressed = halves.length === 2;
  const missing = 8 - head.length - tail.length;
  if (compressed ? missing < 1 : missing !== 0) return undefined;
  const groups = [...head, ...Array<string>(missing).fill('0'), ...tail];
  if (!groups.every((group) => /^[0-9a-f]{1,4}$/i.test(group))) return undefined;
  return groups.reduce((value, group) => (value << 16n) | BigInt(`0x${group}`), 0n);
}

function ranges(width: 32 | 128, table: [string, AddressKind | 'embedded-ipv4'][]): Range[] {
  return table.map(([cidr, kind]) => {
    const [address = '', bits = ''] = cidr.split('/');
    const base = width === 32 ? parseIpv4(address) : parseIpv6(address);
    if (base === undefined) throw new Error(`Not a range: ${cidr}`);
    return { base, bits: Number(bits), kind };
  });
}

// First match wins: the broadcast address lies inside the reserved 240.0.0.0/4.
const IPV4_RANGES = ranges(32, [
  ['0.0.0.0/8', 'unspecified'],
  ['10.0.0.0/8', 'private'],
  ['100.64.0.0/10', 'shared'],
  ['127.0.0.0/8', 'loopback'],
  ['169.254.0.0/16', 'link-local'],
  ['172.16.0.0/12', 'private'],
  ['192.0.0.0/24', 'reserved'],
  ['192.0.2.0/24', 'documentation'],
  ['192.88.99.0/24', 'reserved'],
  ['192.168.0.0/16', 'private'],
  ['198.18.0.0/15', 'reserved'],
  ['198.51.100.0/24', 'documentation'],
  ['203.0.113.0/24', 'documentation'],
  ['224.0.0.0/4', 'multicast'],
  ['255.255.255.255/32', 'broadcast'],
  ['240.0.0.0/4', 'reserved'],
]);

// Addresses that carry an IPv4 address (IPv4-mapped, NAT64, 6to4) are as public as the IPv4 address they carry.
// Outside 2000::/3 (global unicast) nothing is public.
const IPV6_RANGES = ranges(128, [
  ['::/128', 'unspecified'],
  ['::1/128', 'loopback'],
  ['::ffff:0:0/96', 'embedded-ipv4'],
  ['64:ff9b::/96', 'embedded-ipv4'],
  ['64:ff9b:1::/48', 'private'],
  ['fc00::/7', 'unique-local'],
  ['fe80::/10', 'link-local'],
  ['ff00::/8', 'multicast'],
  ['2001:db8::/32', 'documentation'],
  ['2001::/23', 'reserved'],
  ['2002::/16', 'embedded-ipv4'],
  ['2000::/3', 'public'],
  ['::/0', 'reserved'],
]);

function matching(value: bigint, width: number, table: Range[]): Range | undefined {
  return table.find((range) => value >> BigInt(width - range.bits) === range.base >> BigInt(width - range.bits));
}

function ipv4Kind(value: bigint): AddressKind {
  const range = matching(value, 32, IPV4_RANGES);
  return range === undefined || range.kind === 'embedded-ipv4' ? 'public' : range.kind;
}

/** The kind of network an IPv4 or IPv6 address (as DNS answers it, or a URL's host without brackets) belongs to. */
export function classifyAddress(address: string): AddressKind {
  const ipv4 = parseIpv4(address);
  if (ipv4 !== undefined) return ipv4Kind(ipv4);
  const ipv6 = parseIpv6(address);
  if (ipv6 === undefined) return 'reserved';
  const range = matching(ipv6, 128, IPV6_RANGES);
  if (range === undefined) return 'reserved';
  if (range.kind !== 'embedded-ipv4') return range.kind;
  // 6to4 carries its IPv4 address in bits 16–48, the others in the last 32 bits.
  const sixToFour = range.bits === 16;
  return ipv4Kind(sixToFour ? (ipv6 >> 80n) & 0xffffffffn : ipv6 & 0xffffffffn);
}
