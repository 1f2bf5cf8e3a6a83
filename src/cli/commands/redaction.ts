import { readFile } from 'node:fs/promises';
import { resolve as resolvePath } from 'node:path';
import type { RedactionOptions } from '../../privacy/redact';
import { CliUsageError, type CliIo } from '../io';

/**
 * The redaction the flags ask for: none, masking (`--redact`), or pseudonyms keyed by the
 * contents of `--pseudonym-key-file` (a file, so the key stays out of the shell history).
 */
export async function redactionOption(redact: boolean, keyFile: string | undefined, io: CliIo): Promise<RedactionOptions | undefined> {
  if (keyFile === undefined) return redact ? {} : undefined;
  let key: string;
  try {
    key = (await readFile(resolvePath(io.cwd, keyFile), 'utf8')).trim();
  } catch {
    throw new CliUsageError(`cannot read the pseudonym key file ${keyFile}. Check the path.`);
  }
  if (key.length < 16)
    throw new CliUsageError(
      `the pseudonym key in ${keyFile} is ${key.length} characters; use at least 16 random characters, or pseudonyms can be guessed by trying values.`,
    );
  return { pseudonymKey: key };
}
