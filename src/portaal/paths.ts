import { SLUG_PATTERN } from '../kennisbank/producten/content.ts';

/** The public page of a product: the URL the kennisbank API advertises. */
export function productPath(slug: string): string {
  return `/producten/${encodeURIComponent(slug)}`;
}

/** Whether a string is a product slug (lower-case words with hyphens); anything else is never put in a URL. */
export function isProductSlug(value: string): boolean {
  return value.length <= 100 && SLUG_PATTERN.test(value);
}
