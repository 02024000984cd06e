import { describe, expect, it } from 'vitest';
import { calendarFile, escapeIcsText, foldIcsLine } from './ics.ts';

const EVENT = {
  uid: '6f1c2a4e-0c1b-4d0e-9a51-1d6f3b2a9c10@loket',
  sequence: 0,
  start: new Date('2026-03-30T07:00:00Z'),
  end: new Date('2026-03-30T07:15:00Z'),
  summary: 'Afspraak: Paspoort aanvragen',
  location: 'Gemeentehuis, Marktplein 1, 1234 AB Voorbeeld',
  description: 'Neem uw oude paspoort mee; en een pasfoto.\nTot ziens!',
  stamp: new Date('2026-03-01T12:34:56.789Z'),
  method: 'PUBLISH' as const,
};

/** Unfolds and splits a calendar file into its content lines (RFC 5545 3.1). */
function contentLines(file: string): string[] {
  return file.replace(/\r\n[ \t]/g, '').split('\r\n').filter((line) => line !== '');
}

describe('the calendar file of an appointment', () => {
  it('is one VEVENT in a VCALENDAR with UID, DTSTAMP, UTC start and end, SUMMARY, LOCATION and METHOD', () => {
    const lines = contentLines(calendarFile(EVENT));
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.at(-1)).toBe('END:VCALENDAR');
    expect(lines).toContain('VERSION:2.0');
    expect(lines).toContain('METHOD:PUBLISH');
    expect(lines).toContain(`UID:${EVENT.uid}`);
    expect(lines).toContain('DTSTAMP:20260301T123456Z');
    expect(lines).toContain('DTSTART:20260330T070000Z');
    expect(lines).toContain('DTEND:20260330T071500Z');
    expect(lines).toContain('SEQUENCE:0');
    expect(lines).toContain('SUMMARY:Afspraak: Paspoort aanvragen');
    expect(lines).toContain('LOCATION:Gemeentehuis\\, Marktplein 1\\, 1234 AB Voorbeeld');
    expect(lines).toContain('DESCRIPTION:Neem uw oude paspoort mee\\; en een pasfoto.\\nTot ziens!');
    expect(lines).toContain('STATUS:CONFIRMED');
    expect(lines.filter((line) => line === 'BEGIN:VEVENT')).toHaveLength(1);
  });

  it('ends every line with CRLF and has no bare line feed', () => {
    const file = calendarFile(EVENT);
    expect(file.endsWith('\r\n')).toBe(true);
    expect(file.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('folds lines longer than 75 octets without splitting a character, and unfolds to the original', () => {
    const long = `SUMMARY:${'Afspraak over een erg lange omschrijving met een é en een € '.repeat(4)}`;
    const folded = foldIcsLine(long);
    for (const line of folded.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(folded.split('\r\n').slice(1).every((line) => line.startsWith(' '))).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(long);
    expect(folded).not.toContain('\uFFFD');
  });

  it('marks a cancellation with METHOD:CANCEL and STATUS:CANCELLED under the same UID', () => {
    const lines = contentLines(calendarFile({ ...EVENT, method: 'CANCEL', sequence: 2 }));
    expect(lines).toContain('METHOD:CANCEL');
    expect(lines).toContain('STATUS:CANCELLED');
    expect(lines).toContain('SEQUENCE:2');
    expect(lines).toContain(`UID:${EVENT.uid}`);
  });

  it('escapes backslashes, semicolons, commas and line breaks in text', () => {
    expect(escapeIcsText('a\\b;c,d\r\ne\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });
});
