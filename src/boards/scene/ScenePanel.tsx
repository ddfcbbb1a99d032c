import { useMemo, useState } from 'react';
import { PanelRightClose, PanelRightOpen } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { registerOf } from '../../core/doc.ts';
import { listEntities } from '../../core/commands/register.ts';
import {
  renumberMarkers,
  setSceneReferences,
  updateSceneObjects,
  type SceneSettings,
} from '../../core/commands/scene.ts';
import {
  evidenceTable,
  formatMetres,
  legendOf,
  referencePoints,
  type SceneObject,
} from '../../core/scene.ts';
import { compareVietnamese } from '../../core/text.ts';
import { useDoc } from '../../sync/useDoc.ts';
import { SceneImages } from './SceneImages.tsx';
import type { SceneTool } from './tools.ts';
import {
  SYMBOL_CATEGORIES,
  SYMBOL_ORDER,
  searchSymbols,
  symbolById,
  symbolSvg,
  type SceneSymbol,
} from './symbols.ts';

interface ScenePanelProps {
  /** Folded to a strip with one button, so the canvas keeps its width. */
  collapsed: boolean;
  onToggle(): void;
  caseId: string;
  doc: Y.Doc;
  boardId: string;
  origin: unknown;
  readOnly: boolean;
  objects: SceneObject[];
  settings: SceneSettings;
  numbers: Map<string, number>;
  language: string;
  tool: SceneTool;
  onTool(tool: SceneTool): void;
  onSelect(id: string): void;
  run(action: () => void): void;
}

/** The option that removes a marker's link to an evidence item. */
const NONE = '-';

function SymbolPicture({ symbol }: { symbol: SceneSymbol }) {
  return (
    <img
      src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(symbolSvg(symbol))}`}
      alt=""
      className="scene-symbol-picture"
      style={{ aspectRatio: `${symbol.w} / ${symbol.h}` }}
    />
  );
}

/** Beside the scene: the evidence table, the legend and the symbol library. All generated. */
export function ScenePanel(props: ScenePanelProps) {
  const { doc, boardId, origin, readOnly, objects, settings, numbers, language, run } = props;
  const { t } = useTranslation('scene');
  const [query, setQuery] = useState('');
  const evidence = useDoc(
    doc,
    (d) => [registerOf(d)],
    () =>
      listEntities(doc, 'evidence')
        .map((e) => ({ id: e.id, name: e.name }))
        .sort((a, b) => compareVietnamese(a.name, b.name)),
  );
  const names = useMemo(() => new Map(evidence.map((e) => [e.id, e.name])), [evidence]);
  const refs = useMemo(
    () => referencePoints(objects, settings.references),
    [objects, settings.references],
  );
  const refLabels = refs.map((id) => objects.find((o) => o.id === id)?.label || '?');
  const rows = useMemo(() => evidenceTable(objects, refs), [objects, refs]);
  const legend = useMemo(() => legendOf(objects, SYMBOL_ORDER), [objects]);
  const found = useMemo(() => searchSymbols(query), [query]);
  const refPoints = objects.filter((o) => o.shape === 'refpoint');
  void numbers;
  if (props.collapsed)
    return (
      <aside className="scene-panel is-collapsed" aria-label={t('panel')}>
        <button
          type="button"
          className="scene-panel__toggle"
          aria-expanded={false}
          title={t('panelShow')}
          aria-label={t('panelShow')}
          onClick={props.onToggle}
          data-testid="scene-panel-toggle"
        >
          <PanelRightOpen size={18} aria-hidden />
          <span className="scene-panel__toggle-text">{t('panel')}</span>
        </button>
      </aside>
    );

  return (
    <aside className="scene-panel" aria-label={t('panel')}>
      <section>
        <header className="scene-panel__head">
          <button
            type="button"
            className="scene-panel__toggle"
            aria-expanded={true}
            title={t('panelHide')}
            aria-label={t('panelHide')}
            onClick={props.onToggle}
            data-testid="scene-panel-toggle"
          >
            <PanelRightClose size={18} aria-hidden />
          </button>
          <h3>{t('evidenceTable')}</h3>
          <button
            type="button"
            className="button button--small"
            disabled={readOnly || rows.length === 0}
            onClick={() => run(() => renumberMarkers(doc, { boardId }, origin))}
            data-testid="scene-renumber"
          >
            {t('renumber')}
          </button>
        </header>
        {refPoints.length >= 2 ? (
          <p className="muted">
            {t('references', { refs: refLabels.join(', ') })}
            {refPoints.length > 2 && !readOnly && (
              <select
                aria-label={t('references', { refs: '' })}
                value={refs.join(',')}
                onChange={(event) =>
                  run(() =>
                    setSceneReferences(
                      doc,
                      { boardId, references: event.currentTarget.value.split(',') },
                      origin,
                    ),
                  )
                }
              >
                {refPoints.flatMap((a, i) =>
                  refPoints.slice(i + 1).map((b) => (
                    <option key={`${a.id},${b.id}`} value={`${a.id},${b.id}`}>
                      {a.label} – {b.label}
                    </option>
                  )),
                )}
              </select>
            )}
          </p>
        ) : (
          <p className="muted">{t('noReferences')}</p>
        )}
        {rows.length === 0 ? (
          <p className="muted">{t('noMarkers')}</p>
        ) : (
          <table className="scene-table" data-testid="scene-evidence-table">
            <thead>
              <tr>
                <th>{t('number')}</th>
                <th>{t('description')}</th>
                <th>{t('position')}</th>
                {refLabels.map((label) => (
                  <th key={label}>{t('distanceTo', { ref: label })}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr
                  key={row.id}
                  data-testid="scene-evidence-row"
                  onClick={() => props.onSelect(row.id)}
                >
                  <td>{row.number}</td>
                  <td className="scene-table__description">
                    {row.entity && names.get(row.entity) ? (
                      <span className="scene-table__name" data-testid="scene-evidence-name">
                        {names.get(row.entity)}
                      </span>
                    ) : (
                      <span className="scene-table__name muted">{t('noEvidence')}</span>
                    )}
                    {!readOnly && (
                      <select
                        value=""
                        data-testid="scene-evidence-link"
                        aria-label={t('description')}
                        onChange={(event) => {
                          const value = event.currentTarget.value;
                          if (!value) return;
                          const entity = value === NONE ? '' : value;
                          run(() =>
                            updateSceneObjects(
                              doc,
                              { boardId, patches: [{ id: row.id, patch: { entity } }] },
                              origin,
                            ),
                          );
                        }}
                      >
                        <option value="">
                          {row.entity ? t('changeEvidence') : t('linkEvidence')}
                        </option>
                        {row.entity && <option value={NONE}>{t('unlinkEvidence')}</option>}
                        {evidence.map((e) => (
                          <option key={e.id} value={e.id}>
                            {e.name}
                          </option>
                        ))}
                      </select>
                    )}
                  </td>
                  <td>
                    {formatMetres(row.x, language).replace(' m', '')};{' '}
                    {formatMetres(row.y, language)}
                  </td>
                  {row.distances.map((d, i) => (
                    <td key={i}>{formatMetres(d, language)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {!readOnly && (
        <SceneImages
          caseId={props.caseId}
          doc={doc}
          boardId={boardId}
          origin={origin}
          background={objects.find((o) => o.background)}
          tool={props.tool}
          onTool={props.onTool}
          run={run}
        />
      )}
      <section>
        <h3>{t('legend')}</h3>
        {legend.length === 0 ? (
          <p className="muted">{t('legendEmpty')}</p>
        ) : (
          <ul className="scene-legend" data-testid="scene-legend">
            {legend.map((id) => {
              const symbol = symbolById(id);
              return (
                <li key={id}>
                  {symbol && <SymbolPicture symbol={symbol} />}
                  <span>{symbol ? (language.startsWith('vi') ? symbol.vi : symbol.en) : id}</span>
                </li>
              );
            })}
          </ul>
        )}
      </section>
      {!readOnly && (
        <section>
          <h3>{t('symbols')}</h3>
          <input
            type="search"
            className="scene-panel__search"
            placeholder={t('symbolSearch')}
            value={query}
            onChange={(event) => setQuery(event.currentTarget.value)}
            data-testid="scene-symbol-search"
          />
          {SYMBOL_CATEGORIES.map((category) => {
            const inCategory = found.filter((s) => s.category === category);
            if (inCategory.length === 0) return null;
            return (
              <div key={category} className="scene-symbols">
                <h4>{t(`categories.${category}`)}</h4>
                <div className="scene-symbols__grid">
                  {inCategory.map((symbol) => (
                    <button
                      key={symbol.id}
                      type="button"
                      className={`scene-symbol${props.tool === `symbol:${symbol.id}` ? ' is-active' : ''}`}
                      title={language.startsWith('vi') ? symbol.vi : symbol.en}
                      data-testid={`scene-symbol-${symbol.id}`}
                      onClick={() => props.onTool(`symbol:${symbol.id}`)}
                    >
                      <SymbolPicture symbol={symbol} />
                      <span>{language.startsWith('vi') ? symbol.vi : symbol.en}</span>
                    </button>
                  ))}
                </div>
              </div>
            );
          })}
        </section>
      )}
    </aside>
  );
}
