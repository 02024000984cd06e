import { escapeHtml } from '../../platform/http/html.ts';
import { MARK_END, MARK_START } from './repository.ts';
import { normaliseText } from './query.ts';

/**
 * A raw snippet as safe HTML: the text escaped, the database's highlight marks made `<mark>`. When the full-text
 * part marked nothing (a product found by a trigram match only, such as "vergunning" in "omgevingsvergunning"), the
 * words that contain one of `trigramWords` are marked instead.
 */
export function snippetHtml(raw: string, trigramWords: readonly string[]): string {
  if (raw.includes(MARK_START)) {
    const parts = raw.split(MARK_START).map((part, index) => {
      if (index === 0) return escapeHtml(part);
      const end = part.indexOf(MARK_END);
      if (end < 0) return escapeHtml(part);
      return `<mark>${escapeHtml(part.slice(0, end))}</mark>${escapeHtml(part.slice(end + MARK_END.length))}`;
    });
    return parts.join('');
  }
  return raw
    .split(/(\s+)/)
    .map((token) => {
      const word = normaliseText(token);
      const hit = word.length >= 4 && trigramWords.some((query) => word.includes(query));
      return hit ? `<mark>${escapeHtml(token)}</mark>` : escapeHtml(token);
    })
    .join('');
}
