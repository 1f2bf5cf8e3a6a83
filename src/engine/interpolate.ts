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
