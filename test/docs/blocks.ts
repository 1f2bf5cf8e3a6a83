/** A fenced code block of a Markdown page, with what the page says about running it. */
export interface DocBlock {
  /** Page path from the repository root and the line of the opening fence (1-based). */
  readonly where: string;
  readonly language: string;
  readonly code: string;
  /** Why the block is not run, from a `<!-- doc-test: skip REASON -->` line just above it. */
  readonly skip?: string;
  /** Files to copy into the block's working directory, `name=repository/path`, from `<!-- doc-test: files ... -->`. */
  readonly files: readonly (readonly [string, string])[];
  /** The `text` block that follows it after a line ending in "prints:", if any: its expected standard output. */
  readonly prints?: string;
}

/** Languages whose blocks are run unless marked to skip. */
export const runnableLanguages = new Set(['ts', 'typescript', 'js', 'javascript', 'sh', 'bash', 'shell']);

/** The fenced blocks of a Markdown page, in order. */
export function docBlocks(page: string, markdown: string): DocBlock[] {
  const lines = markdown.split('\n');
  const blocks: DocBlock[] = [];
  let pending: { skip?: string; files: [string, string][] } = { files: [] };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const marker = /^<!-- doc-test: (skip|files) (.*?) ?-->$/.exec(line);
    if (marker !== null) {
      if (marker[1] === 'skip') pending.skip = marker[2] as string;
      else for (const pair of (marker[2] as string).split(/\s+/)) pending.files.push(pair.split('=') as [string, string]);
      continue;
    }
    const fence = /^```(\w*)/.exec(line);
    if (fence === null) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && lines[i] !== '```'; i++) body.push(lines[i] as string);
    const language = fence[1] as string;
    const previous = blocks[blocks.length - 1];
    // A `text` block introduced by "...prints:" is the output of the block before it.
    const intro = lines.slice(0, start).reverse().find((l) => l.trim() !== '') ?? '';
    if (language === 'text' && previous !== undefined && /prints:$/i.test(intro.trim())) {
      blocks[blocks.length - 1] = { ...previous, prints: `${body.join('\n')}\n` };
      continue;
    }
    blocks.push({ where: `${page}:${start + 1}`, language, code: `${body.join('\n')}\n`, files: pending.files, ...(pending.skip !== undefined ? { skip: pending.skip } : {}) });
    pending = { files: [] };
  }
  return blocks;
}
