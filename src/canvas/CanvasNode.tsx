import { createContext, memo, useContext } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { Calendar, FileSearch, HelpCircle, MapPin, User, Unlink } from 'lucide-react';
import type { EntityKind } from '../core/register.ts';
import type { CanvasNode } from './projection.ts';
import { Thumbnail } from '../files/Thumbnail.tsx';
import type { FileType } from '../core/commands/files.ts';

/** The case the canvas belongs to, for the nodes' thumbnails. */
export const CanvasCaseContext = createContext<string>('');

const ICONS: Record<EntityKind, typeof User> = {
  person: User,
  evidence: FileSearch,
  event: Calendar,
  fact: HelpCircle,
  place: MapPin,
};

/** A node of the shared canvas: its text, or the linked entity's name with its kind. */
export const CanvasNodeView = memo(function CanvasNodeView({
  data,
  selected,
}: NodeProps<CanvasNode>) {
  const { t } = useTranslation('register');
  const caseId = useContext(CanvasCaseContext);
  const Icon = data.entityKind ? ICONS[data.entityKind] : null;
  return (
    <div
      className={`canvas-node${data.entityKind ? ` canvas-node--${data.entityKind}` : ''}${selected ? ' is-selected' : ''}${data.brokenLink ? ' is-broken' : ''}`}
      data-testid="canvas-node"
    >
      <Handle type="target" position={Position.Left} />
      {Icon && (
        <span
          className="canvas-node__kind"
          title={t(`kind1.${data.entityKind}`)}
          data-testid="canvas-node-kind"
          data-kind={data.entityKind}
        >
          <Icon size={14} />
        </span>
      )}
      {data.brokenLink && (
        <span className="canvas-node__kind" title={t('canvas.brokenLink')}>
          <Unlink size={14} />
        </span>
      )}
      {data.thumbnail && caseId && (
        <Thumbnail
          caseId={caseId}
          file={{ ...data.thumbnail, mime: data.thumbnail.mime as FileType }}
          size={40}
        />
      )}
      <span className="canvas-node__label" data-testid="canvas-node-label">
        {data.label || '…'}
      </span>
      <Handle type="source" position={Position.Right} />
    </div>
  );
});

export const nodeTypes = { entity: CanvasNodeView, topic: CanvasNodeView };
