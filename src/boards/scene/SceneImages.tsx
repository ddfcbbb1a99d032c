import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { filesOf } from '../../core/doc.ts';
import { listFiles } from '../../core/commands/files.ts';
import {
  addSceneObject,
  deleteSceneObjects,
  updateSceneObjects,
} from '../../core/commands/scene.ts';
import { lockSceneObjects } from '../../core/commands/sceneArrange.ts';
import type { SceneObject } from '../../core/scene.ts';
import { useDoc } from '../../sync/useDoc.ts';
import type { SceneTool } from './tools.ts';

interface SceneImagesProps {
  caseId: string;
  doc: Y.Doc;
  boardId: string;
  origin: unknown;
  background: SceneObject | undefined;
  tool: SceneTool;
  onTool(tool: SceneTool): void;
  run(action: () => void): void;
}

/**
 * Images of the case file on the scene: the background (a photo or floor plan under everything,
 * with its opacity, lock and calibration) and photos placed as objects.
 */
export function SceneImages({
  caseId,
  doc,
  boardId,
  origin,
  background,
  tool,
  onTool,
  run,
}: SceneImagesProps) {
  const { t } = useTranslation('scene');
  const images = useDoc(
    doc,
    (d) => [filesOf(d)],
    () =>
      listFiles(doc)
        .filter((f) => f.mime.startsWith('image/'))
        .map((f) => ({ hash: f.hash, name: f.name })),
  );

  /**
   * Puts a case-file image on the scene: under everything, 20 m wide until it is calibrated; or as
   * an object 3 m wide (a photo beside the spot it shows).
   */
  const addImage = (hash: string, background: boolean) => {
    const image = new Image();
    image.onload = () => {
      const ratio = image.naturalHeight / Math.max(1, image.naturalWidth);
      const w = background ? 20 : 3;
      run(() =>
        addSceneObject(
          doc,
          {
            boardId,
            object: {
              shape: 'image',
              file: hash,
              x: 0,
              y: 0,
              w,
              h: w * ratio,
              ...(background ? { background: true, opacity: 0.5 } : {}),
            },
          },
          origin,
        ),
      );
    };
    image.src = `/api/cases/${caseId}/files/${hash}`;
  };

  return (
    <>
      <section data-testid="scene-background">
        <h3>{t('background')}</h3>
        {background ? (
          <>
            <label className="scene-panel__row">
              {t('opacity')}{' '}
              <input
                type="range"
                min={0.1}
                max={1}
                step={0.05}
                value={background.opacity ?? 1}
                onChange={(event) => {
                  const opacity = Number(event.currentTarget.value);
                  run(() =>
                    updateSceneObjects(
                      doc,
                      { boardId, patches: [{ id: background.id, patch: { opacity } }] },
                      origin,
                    ),
                  );
                }}
              />
            </label>
            <label className="scene-panel__row">
              <input
                type="checkbox"
                checked={background.locked}
                onChange={(event) => {
                  const locked = event.currentTarget.checked;
                  run(() =>
                    updateSceneObjects(
                      doc,
                      { boardId, patches: [{ id: background.id, patch: { locked } }] },
                      origin,
                    ),
                  );
                }}
              />{' '}
              {t('lockBackground')}
            </label>
            <div className="scene-panel__row">
              <button
                type="button"
                className="button button--small"
                onClick={() => onTool('calibrate')}
                data-testid="scene-calibrate"
              >
                {t('calibrate')}
              </button>
              <button
                type="button"
                className="button button--small"
                onClick={() =>
                  run(() =>
                    doc.transact(() => {
                      if (background.locked)
                        lockSceneObjects(
                          doc,
                          { boardId, ids: [background.id], locked: false },
                          origin,
                        );
                      deleteSceneObjects(doc, { boardId, ids: [background.id] }, origin);
                    }, origin),
                  )
                }
              >
                {t('removeBackground')}
              </button>
            </div>
            {tool === 'calibrate' && <p className="muted">{t('calibrateHint')}</p>}
          </>
        ) : images.length === 0 ? (
          <p className="muted">{t('noImages')}</p>
        ) : (
          <select
            value=""
            aria-label={t('chooseBackground')}
            data-testid="scene-background-pick"
            onChange={(event) =>
              event.currentTarget.value && addImage(event.currentTarget.value, true)
            }
          >
            <option value="">{t('chooseBackground')}</option>
            {images.map((f) => (
              <option key={f.hash} value={f.hash}>
                {f.name}
              </option>
            ))}
          </select>
        )}
      </section>
      {images.length > 0 && (
        <section>
          <h3>{t('image')}</h3>
          <select
            value=""
            aria-label={t('insertImage')}
            data-testid="scene-image-pick"
            onChange={(event) =>
              event.currentTarget.value && addImage(event.currentTarget.value, false)
            }
          >
            <option value="">{t('insertImage')}</option>
            {images.map((f) => (
              <option key={f.hash} value={f.hash}>
                {f.name}
              </option>
            ))}
          </select>
        </section>
      )}
    </>
  );
}
