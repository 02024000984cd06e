import type { AanvraagKanaal } from '../../formulieren/submit-aanvraag.ts';

/*
 * The channel an aanvraag made on someone's behalf is recorded with: the klantcontact's own kanaal, in the e-form's
 * words. The KCC registers the channels telefoon, balie, e-mail, chat, post, sociale media and website.
 */

const KANALEN: Record<string, AanvraagKanaal> = {
  telefoon: 'telefoon',
  balie: 'balie',
  'e-mail': 'email',
  email: 'email',
  post: 'post',
  chat: 'chat',
  'sociale media': 'sociale_media',
  sociale_media: 'sociale_media',
  website: 'website',
};

/** The aanvraag channel of a klantcontact's kanaal; a contact in an unknown channel counts as the counter, where staff fill the form in. */
export function aanvraagKanaalVan(klantcontactKanaal: string): AanvraagKanaal {
  return KANALEN[klantcontactKanaal.trim().toLowerCase()] ?? 'balie';
}
