/**
 * `SOURCE_IP_MODE=truncate`: zero the last octet of an IPv4 address and the last 80 bits of an IPv6 address,
 * the usual pseudonymisation of client addresses. Anything that is not an IP address
 * (`cognito-idp.amazonaws.com`, `AWS Internal`) passes unchanged.
 */

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;

function ipv4Octets(text: string): number[] | undefined {
  const match = IPV4.exec(text);
  if (match === null) return undefined;
  const octets = match.slice(1).map(Number);
  return octets.every((octet) => octet <= 255) ? octets : undefined;
}

/** The eight 16-bit groups of an IPv6 address (an embedded IPv4 tail counts as two), or undefined. */
function ipv6Groups(text: string): number[] | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const parse = (part: string): number[] | undefined => {
    if (part === '') return [];
    const groups: number[] = [];
    const pieces = part.split(':');
    for (let i = 0; i < pieces.length; i += 1) {
      const piece = pieces[i] ?? '';
      if (i === pieces.length - 1 && piece.includes('.')) {
        const octets = ipv4Octets(piece);
        if (octets === undefined) return undefined;
        groups.push(((octets[0] ?? 0) << 8) | (octets[1] ?? 0), ((octets[2] ?? 0) << 8) | (octets[3] ?? 0));
      } else if (HEX_GROUP.test(piece)) {
        groups.push(Number.parseInt(piece, 16));
      } else {
        return undefined;
      }
    }
    return groups;
  };
  const head = parse(halves[0] ?? '');
  const tail = halves.length === 2 ? parse(halves[1] ?? '') : [];
  if (head === undefined || tail === undefined) return undefined;
  if (halves.length === 1) return head.length === 8 ? head : undefined;
  const missing = 8 - head.length - tail.length;
  return missing >= 1 ? [...head, ...new Array<number>(missing).fill(0), ...tail] : undefined;
}

/** RFC 5952 text: lowercase, no leading zeros, the longest run of two or more zero groups as `::`. */
function formatIpv6(groups: readonly number[]): string {
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < groups.length; ) {
    if (groups[i] !== 0) {
      i += 1;
      continue;
    }
    let j = i;
    while (j < groups.length && groups[j] === 0) j += 1;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = groups.map((group) => group.toString(16));
  if (bestStart === -1) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

/**
 * @example truncateSourceIp('198.51.100.23') // '198.51.100.0'
 * @example truncateSourceIp('2001:db8:85a3:8d3:1319:8a2e:370:7348') // '2001:db8:85a3::'
 */
export function truncateSourceIp(value: string): string {
  const octets = ipv4Octets(value);
  if (octets !== undefined) return `${octets[0]}.${octets[1]}.${octets[2]}.0`;
  if (!value.includes(':')) return value;
  const zone = value.indexOf('%');
  const groups = ipv6Groups(zone === -1 ? value : value.slice(0, zone));
  if (groups === undefined) return value;
  // An IPv4-mapped address (::ffff:a.b.c.d) is an IPv4 client: truncate it as one.
  if (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff) {
    const high = groups[6] ?? 0;
    return `::ffff:${high >> 8}.${high & 0xff}.${(groups[7] ?? 0) >> 8}.0`;
  }
  return formatIpv6([groups[0] ?? 0, groups[1] ?? 0, groups[2] ?? 0, 0, 0, 0, 0, 0]);
}
