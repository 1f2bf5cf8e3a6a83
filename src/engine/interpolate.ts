import type { MessageData } from '../contract/types';

const placeholder = /\{\{\s*([A-Za-z0-9_$-]+)\s*\}\}/g;

/**
 * Fills `{{name}}` placeholders from data, trimming the spaces inside the braces as ESLint does.
 * An unknown placeholder stays visible, so a missing data key shows up in the report instead of
 * silently disappearing.
 */
export function interpolate(template: string, data: MessageData | undefined): string {
  return template.replace(placeholder, (match, key: string) =>
    data !== undefined && Object.hasOwn(data, key) ? String(data[key]) : match,
  );
}
