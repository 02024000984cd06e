/**
 * Every error Loket can return, defined once: a stable code (what clients match on),
 * the HTTP status and the Dutch title shown to people. ZGW's own codes are used where the
 * standard names one (`invalid`, `not_found`, `method_not_allowed`, `permission_denied`, …).
 */
export const ERRORS = {
  invalid: { status: 400, title: 'Ongeldige invoer.' },
  'unknown-parameters': { status: 400, title: 'Onbekende query parameters.' },
  parse_error: { status: 400, title: 'De inhoud van het verzoek is geen geldige JSON.' },
  not_authenticated: { status: 401, title: 'Authenticatiegegevens zijn niet opgegeven of ongeldig.' },
  permission_denied: { status: 403, title: 'U heeft geen toestemming om deze actie uit te voeren.' },
  csrf_failed: { status: 403, title: 'Het formulier is verlopen of niet afkomstig van Loket. Laad de pagina opnieuw.' },
  not_found: { status: 404, title: 'Niet gevonden.' },
  unknown_tenant: { status: 404, title: 'Deze gemeente is niet bekend bij deze Loket-installatie.' },
  method_not_allowed: { status: 405, title: 'Deze methode is niet toegestaan op deze bron.' },
  not_acceptable: { status: 406, title: 'Het gevraagde formaat kan niet worden geleverd.' },
  conflict: { status: 409, title: 'Het verzoek botst met de huidige toestand van de bron.' },
  precondition_failed: { status: 412, title: 'Voorwaarde niet vervuld.' },
  request_too_large: { status: 413, title: 'Het verzoek is te groot.' },
  unsupported_media_type: { status: 415, title: 'Dit inhoudstype wordt niet ondersteund.' },
  too_many_requests: { status: 429, title: 'Te veel verzoeken. Probeer het later opnieuw.' },
  error: { status: 500, title: 'Er is een interne fout opgetreden.' },
  service_unavailable: { status: 503, title: 'De dienst is tijdelijk niet beschikbaar.' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ErrorCode = keyof typeof ERRORS;

/** One problem with one input field (ZGW `FieldValidationError`). */
export interface InvalidParam {
  name: string;
  code: string;
  reason: string;
}
