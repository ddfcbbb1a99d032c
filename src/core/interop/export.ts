/**
 * Writers for the mind-map formats other programs read: Markdown, OPML 2.0, FreeMind / Freeplane
 * `.mm` and XMind (`.xmind` with content.json and XMind 8's content.xml), one file per format.
 */
export { escapeMarkdown, exportMarkdown } from './markdown.ts';
export { exportXMind } from './xmindWrite.ts';
export { exportFreeMind } from './freemindWrite.ts';
export { exportOpml } from './opml.ts';
