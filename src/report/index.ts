export { renderTable } from './table';
export type { RenderableResult, TableOptions } from './table';
export { renderMarkdown } from './markdown';
export type { MarkdownOptions } from './markdown';
export { renderHtml } from './html';
export type { HtmlOptions } from './html';
export type { ReportView } from './format';
