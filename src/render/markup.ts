import { terminalSafe } from './format';

/**
 * A piece of HTML that is safe to emit: built only by the {@link html} tag (which escapes every
 * interpolated value) or from a constant of this module's callers via {@link trustedHtml}.
 */
export class Html {
  /** @param markup the HTML text. */
  private constructor(readonly markup: string) {}

  /** @internal Builds a piece; only this module's functions call it. */
  static of(markup: string): Html {
    return new Html(markup);
  }
}

/**
 * Escapes text for HTML element content and quoted attributes, and replaces control and bidi
 * override characters, which could reorder what a reviewer reads.
 */
export function escapeHtml(text: string): string {
  return terminalSafe(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function interpolate(value: unknown): string {
  if (value instanceof Html) return value.markup;
  if (Array.isArray(value)) {
    let out = '';
    for (const item of value) out += interpolate(item);
    return out;
  }
  if (value === undefined || value === null || value === false) return '';
  if (typeof value === 'string') return escapeHtml(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return escapeHtml(String(value));
  // An object where a string was expected (a report from an untrusted source): shown as JSON, escaped.
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    json = undefined;
  }
  return escapeHtml(json ?? Object.prototype.toString.call(value));
}

/**
 * Tagged template for HTML: every interpolated value is escaped whatever its origin (input data,
 * engine-derived fields, numbers), except pieces that are themselves {@link Html} (built by this
 * tag) and arrays of them. `false`, `null` and `undefined` give nothing, for conditional parts.
 */
export function html(strings: TemplateStringsArray, ...values: readonly unknown[]): Html {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) out += interpolate(values[i]) + (strings[i + 1] ?? '');
  return Html.of(out);
}

/** Wraps constant markup written in the renderer itself (the stylesheet); never pass data. */
export function trustedHtml(constant: string): Html {
  return Html.of(constant);
}

/** Joins pieces of HTML with a separator (itself constant markup). */
export function joinHtml(pieces: readonly Html[], separator = ''): Html {
  let out = '';
  pieces.forEach((piece, i) => {
    out += (i > 0 ? separator : '') + piece.markup;
  });
  return Html.of(out);
}
