export { renderHtmlReport, type HtmlReportOptions } from './html-report.js';
