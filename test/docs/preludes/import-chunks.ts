/**
 * What the streaming-import snippet takes as given: an Okta export arriving in small chunks, and a
 * `send` that takes each batch of records the importer hands back.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const text = readFileSync(join(process.cwd(), 'test', 'connectors', 'fixtures', 'okta-system-log.json'), 'utf8');

/** The export in 100-character pieces, as a network stream would deliver it. */
export const chunks: string[] = [];
for (let at = 0; at < text.length; at += 100) chunks.push(text.slice(at, at + 100));

/** The NDJSON lines sent on so far. */
export const sent: string[] = [];

/** Sends on the records the importer produced, one NDJSON line each (here: keeps the lines). */
export function send(records: readonly unknown[]): void {
  for (const record of records) sent.push(JSON.stringify(record));
}
