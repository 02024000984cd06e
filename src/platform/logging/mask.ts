/**
 * Masks personal data and credentials in text that goes to logs: nine-digit numbers (possible
 * BSNs) and values of token-like query parameters.
 */
export function maskForLog(text: string): string {
  return text
    .replace(/(?<!\d)\d{9}(?!\d)/g, '*********')
    .replace(/([?&](?:token|access_token|code|state|password|secret|bsn)=)[^&#]*/gi, '$1***')
    // An appointment's management link and confirmation page carry their secret in the path.
    .replace(/(\/afspraak\/(?:wijzigen|bevestiging)\/)[^/?#]+/g, '$1***');
}
