/**
 * Whether text is an e-mail address Loket will send to: something@domain.tld without spaces, and without the
 * characters that would let it spill into another header field (<>",;). The one rule for every form that collects
 * an address to mail and for the outbox before it sends.
 */
export function isMailAddress(text: string): boolean {
  return /^[^\s@<>",;]+@[^\s@<>",;]+\.[^\s@<>",;]+$/.test(text);
}
