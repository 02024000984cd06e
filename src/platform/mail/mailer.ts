import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';

/** A file sent along with an e-mail (an .ics appointment, a PDF). */
export interface MailAttachment {
  filename: string;
  contentType: string;
  /** The file's text (an .ics is text); binary attachments are given as base64 with `encoding`. */
  content: string;
  encoding?: 'base64';
}

/** One e-mail to one recipient, in plain Dutch text (an HTML part is optional). */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  attachments?: MailAttachment[];
}

/** Sends e-mail. Resolves once the SMTP server accepted the message; throws when it did not. */
export interface Mailer {
  send(message: MailMessage, from: string): Promise<void>;
  close(): void;
}

/** Where e-mail goes: an SMTP server, or (the embedded demo without one) a folder of .eml files to open. */
export type MailSettings = { kind: 'smtp'; url: string } | { kind: 'folder'; directory: string };

function nodemailerMessage(message: MailMessage, from: string) {
  return {
    from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    attachments: message.attachments?.map((attachment) => ({ ...attachment })),
  };
}

/** Sends through SMTP (`smtp://user:password@host:587`, or `smtps://` for implicit TLS), reusing connections. */
function smtpMailer(url: string): Mailer {
  const transport = nodemailer.createTransport(url);
  return {
    async send(message, from) {
      await transport.sendMail(nodemailerMessage(message, from));
    },
    close() {
      transport.close();
    },
  };
}

/**
 * Writes each message as an .eml file, so a newcomer running the demo without a mail server can still open the
 * confirmation e-mails. Written under a temporary name and renamed, so a reader never sees half a message.
 */
function folderMailer(directory: string): Mailer {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(message, from) {
      const info = await transport.sendMail(nodemailerMessage(message, from));
      await mkdir(directory, { recursive: true });
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID()}`;
      await writeFile(join(directory, `${name}.tmp`), info.message as Buffer);
      await rename(join(directory, `${name}.tmp`), join(directory, `${name}.eml`));
    },
    close() {
      transport.close();
    },
  };
}

export function createMailer(settings: MailSettings): Mailer {
  return settings.kind === 'smtp' ? smtpMailer(settings.url) : folderMailer(settings.directory);
}
