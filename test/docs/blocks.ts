/**
 * Fenced code blocks of the Markdown pages, with the `<!-- doc-test: ... -->` lines that say how
 * to run them. A marker line sits just above its block (blank lines and other markers between
 * are fine):
 *
 * - `<!-- doc-test: skip REASON -->`: the block is not run, for the reason given (at least a few
 *   words: what it needs that the test cannot provide, and where it is checked instead).
 * - `<!-- doc-test: files NAME=PATH ... -->`: copies repository files into the shell block's
 *   working directory under the names the block uses.
 * - `<!-- doc-test: prelude PATH -->`: a TypeScript module whose exports supply the variables the
 *   snippet uses without defining (`input`, `outcomes`, `subjects`...); only the names the
 *   snippet mentions are imported.
 * - `<!-- doc-test: continues -->`: the snippet goes on from the nearest earlier block of the page
 *   that is not itself a continuation (it uses what that one defined); both run as one module.
 *
 * A `text` block introduced by a line ending in "prints:" is the expected standard output of the
 * block before it. Any other `doc-test` keyword is an error, so a misspelt marker never silently
 * turns a test off.
 */
export interface DocBlock {
  /** Page path from the repository root and the line of the opening fence (1-based). */
  readonly where: string;
  readonly language: string;
  readonly code: string;
  /** Why the block is not run, from a `<!-- doc-test: skip REASON -->` line just above it. */
  readonly skip?: string;
  /** Files to copy into the block's working directory, `name=repository/path`, from `<!-- doc-test: files ... -->`. */
  readonly files: readonly (readonly [string, string])[];
  /** Repository path of the module that supplies the snippet's free variables, from `<!-- doc-test: prelude PATH -->`. */
  readonly prelude?: string;
  /** Code of the earlier block this one continues, from `<!-- doc-test: continues -->`. */
  readonly continues?: string;
  /** The `text` block that follows it after a line ending in "prints:", if any: its expected standard output. */
  readonly prints?: string;
}

/** Languages whose blocks are run unless marked to skip. */
export const runnableLanguages = new Set(['ts', 'typescript', 'js', 'javascript', 'sh', 'bash', 'shell']);

interface Pending {
  skip?: string;
  prelude?: string;
  continues?: boolean;
  files: [string, string][];
}

/** The fenced blocks of a Markdown page, in order. Throws on an unknown marker or one that precedes no block. */
export function docBlocks(page: string, markdown: string): DocBlock[] {
  const lines = markdown.split('\n');
  const blocks: DocBlock[] = [];
  let pending: Pending = { files: [] };
  let markerLine: number | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const marker = /^<!-- doc-test: (\w+)(?: (.*?))? ?-->$/.exec(line);
    if (marker !== null) {
      const argument = marker[2] ?? '';
      markerLine ??= i + 1;
      if (marker[1] === 'skip') pending.skip = argument;
      else if (marker[1] === 'prelude') pending.prelude = argument;
      else if (marker[1] === 'continues') pending.continues = true;
      else if (marker[1] === 'files') for (const pair of argument.split(/\s+/)) pending.files.push(pair.split('=') as [string, string]);
      else throw new Error(`${page}:${i + 1}: unknown doc-test marker "${marker[1]}" (skip, files, prelude or continues)`);
      continue;
    }
    if (markerLine !== undefined && line.trim() !== '' && !line.startsWith('```')) {
      throw new Error(`${page}:${markerLine}: a doc-test marker must be followed by the code block it is about`);
    }
    const fence = /^```(\w*)/.exec(line);
    if (fence === null) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && lines[i] !== '```'; i++) body.push(lines[i] as string);
    const language = fence[1] as string;
    const previous = blocks[blocks.length - 1];
    // A `text` block introduced by "...prints:" is the output of the block before it.
    const intro =
      lines
        .slice(0, start)
        .reverse()
        .find((l) => l.trim() !== '') ?? '';
    if (language === 'text' && previous !== undefined && markerLine === undefined && /prints:$/i.test(intro.trim())) {
      blocks[blocks.length - 1] = { ...previous, prints: `${body.join('\n')}\n` };
      continue;
    }
    let continues: string | undefined;
    if (pending.continues === true) {
      // The block it goes on from: the nearest earlier one that is not itself a continuation.
      const base = [...blocks].reverse().find((b) => b.continues === undefined);
      if (base === undefined) throw new Error(`${page}:${start + 1}: "continues" but no block comes before it`);
      continues = base.code;
    }
    blocks.push({
      where: `${page}:${start + 1}`,
      language,
      code: `${body.join('\n')}\n`,
      files: pending.files,
      ...(pending.skip !== undefined ? { skip: pending.skip } : {}),
      ...(pending.prelude !== undefined ? { prelude: pending.prelude } : {}),
      ...(continues !== undefined ? { continues } : {}),
    });
    pending = { files: [] };
    markerLine = undefined;
  }
  if (markerLine !== undefined) throw new Error(`${page}:${markerLine}: a doc-test marker must be followed by the code block it is about`);
  return blocks;
}
