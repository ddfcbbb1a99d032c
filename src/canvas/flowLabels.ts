import type { AriaLabelConfig } from '@xyflow/react';
import type { i18n as I18n } from 'i18next';

const cache = new Map<string, Partial<AriaLabelConfig>>();

/**
 * React Flow's own words (the zoom controls' titles, the mini map's and the keyboard hints' labels)
 * in the UI language; its defaults are English. One object per language, so that a re-render does
 * not hand React Flow a new configuration.
 *
 * @example <ReactFlow ariaLabelConfig={flowLabels(i18n)} … />
 */
export function flowLabels(i18n: I18n): Partial<AriaLabelConfig> {
  const lang = i18n.language;
  let labels = cache.get(lang);
  if (!labels) {
    const t = i18n.getFixedT(lang, 'translation', 'flow');
    labels = {
      'node.a11yDescription.default': t('node'),
      'node.a11yDescription.keyboardDisabled': t('nodeKeyboard'),
      'node.a11yDescription.ariaLiveMessage': ({ direction, x, y }) =>
        t('moved', { direction, x, y }),
      'edge.a11yDescription.default': t('edge'),
      'controls.ariaLabel': t('controls'),
      'controls.zoomIn.ariaLabel': t('zoomIn'),
      'controls.zoomOut.ariaLabel': t('zoomOut'),
      'controls.fitView.ariaLabel': t('fitView'),
      'controls.interactive.ariaLabel': t('interactive'),
      'minimap.ariaLabel': t('minimap'),
      'handle.ariaLabel': t('handle'),
    };
    cache.set(lang, labels);
  }
  return labels;
}
