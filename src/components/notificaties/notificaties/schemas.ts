/* The `Message` body of `notificaties_create`, as notificaties-1.0.1.yaml declares it. */

export const messageBody = {
  type: 'object',
  required: ['kanaal', 'hoofdObject', 'resource', 'resourceUrl', 'actie', 'aanmaakdatum'],
  properties: {
    kanaal: { type: 'string', minLength: 1, maxLength: 50 },
    hoofdObject: { type: 'string', minLength: 1, maxLength: 1000, format: 'uri' },
    resource: { type: 'string', minLength: 1, maxLength: 100 },
    resourceUrl: { type: 'string', minLength: 1, maxLength: 1000, format: 'uri' },
    actie: { type: 'string', minLength: 1, maxLength: 100 },
    aanmaakdatum: { type: 'string', format: 'date-time' },
    kenmerken: { type: 'object', additionalProperties: { type: 'string', minLength: 1, maxLength: 1000 } },
  },
} as const;

export const noQuery = { type: 'object', additionalProperties: false, properties: {} } as const;

export interface MessageInput {
  kanaal: string;
  hoofdObject: string;
  resource: string;
  resourceUrl: string;
  actie: string;
  aanmaakdatum: string;
  kenmerken?: Record<string, string>;
}
