export { renderTable, tableChunks, withFullReports } from './table';
export type { CompactRenderableResult, FullRenderableResult, RenderableResult, ReportSequence, TableOptions } from './table';
export { renderMarkdown, markdownChunks } from './markdown';
export type { MarkdownOptions } from './markdown';
export { htmlChunks, renderHtml } from './html';
export { defaultDetailLimit } from './format';
export type { HtmlOptions } from './html';
export type { ReportView } from './format';
