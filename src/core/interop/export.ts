export { escapeMarkdown, exportMarkdown } from './markdown.ts';
export { exportXMind } from './xmindWrite.ts';
export { exportFreeMind } from './freemindWrite.ts';
export { exportOpml } from './opml.ts';

/**
 * Writers for the mind-map formats other programs read: Markdown, OPML 2.0, FreeMind `.mm` (read by
 * FreeMind and Freeplane) and XMind (`.xmind` with content.json, manifest.json, metadata.json).
 */
