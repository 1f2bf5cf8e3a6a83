import type { MessageData } from '../contract/types';

const placeholder = /\{\{\s*([A-Za-z0-9_$-]+)\s*\}\}/g;

/**
 * Fills `{{name}}` placeholders from data, trimming the spaces inside the braces as ESLint does.
 * An unknown placeholder stays visible, so a missing data key shows up in the report instead of
 * silently disappearing.
 */
export function interpolate(template: string, data: MessageData | undefined): string {
  return template.replace(placeholder, (match, key: string) => (data !== undefined && Object.hasOwn(data, key) ? String(data[key]) : match));
}

/**
 * The placeholders of a template that `data` has no value for, in template order without
 * duplicates: what {@link interpolate} would leave visible.
 */
export function unfilledPlaceholders(template: string, data: MessageData | undefined): string[] {
  const out: string[] = [];
  for (const match of template.matchAll(placeholder)) {
    const key = match[1] as string;
    if ((data === undefined || !Object.hasOwn(data, key)) && !out.includes(key)) out.push(key);
  }
  return out;
}

/**
 * {@link interpolate} with the template split once: for a template filled many times (an
 * indicator's message, once per finding of a run), the placeholders are found once, not per call.
 */
export function compileTemplate(template: string): (data: MessageData | undefined) => string {
  const literals: string[] = [];
  const keys: string[] = [];
  const matches: string[] = [];
  let last = 0;
  for (const match of template.matchAll(placeholder)) {
    literals.push(template.slice(last, match.index));
    keys.push(match[1] as string);
    matches.push(match[0]);
    last = match.index + match[0].length;
  }
  if (keys.length === 0) return () => template;
  literals.push(template.slice(last));
  return (data) => {
    let out = literals[0] as string;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string;
      out += data !== undefined && Object.hasOwn(data, key) ? String(data[key]) : (matches[i] as string);
      out += literals[i + 1] as string;
    }
    return out;
  };
}
