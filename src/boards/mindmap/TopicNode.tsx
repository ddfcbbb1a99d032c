import { createContext, memo, useContext } from 'react';
import type { TFunction } from 'i18next';
import { CanvasCaseContext } from '../../canvas/CanvasNode.tsx';
import { NoteBadge } from '../../canvas/noteBadges.tsx';
import { Thumbnail } from '../../files/Thumbnail.tsx';
import type { FileType } from '../../core/commands/files.ts';
import { IMAGE } from './measure.ts';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import {
  AlertTriangle,
  Calendar,
  CheckCircle2,
  Eye,
  FileSearch,
  FileText,
  Flag,
  HelpCircle,
  MapPin,
  Microscope,
  StickyNote,
  User,
  UserX,
  Users,
  Clock,
} from 'lucide-react';
import type { Marker } from '../../core/commands/mindmap.ts';
import type { EntityKind } from '../../core/register.ts';
import type { TopicNode } from './view.ts';

export const MARKER_ICONS: Record<Marker, typeof User> = {
  suspect: UserX,
  victim: User,
  witness: Eye,
  'physical-evidence': FileSearch,
  document: FileText,
  expert: Microscope,
  deadline: Clock,
  warning: AlertTriangle,
  question: HelpCircle,
  done: CheckCircle2,
};
const ENTITY_ICONS: Record<EntityKind, typeof User> = {
  person: Users,
  evidence: FileSearch,
  event: Calendar,
  fact: Flag,
  place: MapPin,
};

/**
 * The board's `t` for the mindmap namespace, handed down once: a `useTranslation` per topic costs a
 * subscription each, which adds up to a tenth of a second when a 5,000-topic map opens.
 */
export const TopicTextContext = createContext<TFunction<'mindmap'> | null>(null);

/**
 * One topic: its label (multi-line), markers, the linked entity's kind, page reference and note,
 * and how many topics a folded topic hides. Sized by `measure.ts`, so the layout's boxes fit.
 */
export const TopicView = memo(function TopicView({ id, data, selected }: NodeProps<TopicNode>) {
  const t = useContext(TopicTextContext)!;
  const caseId = useContext(CanvasCaseContext);
  const EntityIcon = data.entityKind ? ENTITY_ICONS[data.entityKind] : null;
  return (
    <div
      className={`topic${data.root ? ' topic--root' : ''}${selected ? ' is-selected' : ''}${data.rescued ? ' is-rescued' : ''}`}
      style={{
        width: data.width,
        minHeight: data.height,
        borderColor: data.color,
        ...(data.root && data.color ? { background: data.color } : {}),
      }}
      title={data.rescued ? t('rescued') : data.note}
      data-testid="topic"
    >
      {/* Relationships run from the bottom of one topic to the top of another; branch lines are
          drawn by the map itself (MapLines.tsx) and need no handles. */}
      <Handle type="target" position={Position.Top} id="t" className="topic__handle" />
      <Handle type="source" position={Position.Bottom} id="b" className="topic__handle" />
      {data.markers.map((marker) => {
        const Icon = MARKER_ICONS[marker];
        return (
          <Icon
            key={marker}
            size={16}
            className={`topic__marker marker--${marker}`}
            aria-label={t(`markerNames.${marker}`)}
          />
        );
      })}
      {EntityIcon && (
        <EntityIcon
          size={16}
          className="topic__entity"
          aria-label={data.entityKind}
          data-testid="topic-entity"
        />
      )}
      {data.image && caseId && (
        <span className="topic__image">
          <Thumbnail
            caseId={caseId}
            file={{ ...data.image, mime: data.image.mime as FileType }}
            size={IMAGE}
          />
        </span>
      )}
      <span className="topic__label" data-testid="topic-label">
        {data.label}
      </span>
      {data.pages && <span className="topic__pages">{data.pages}</span>}
      {data.note && <StickyNote size={14} className="topic__note" aria-label={t('note')} />}
      {data.hiddenCount > 0 && (
        <span className={`topic__folded topic__folded--${data.side}`} data-testid="topic-folded">
          {t('hidden', { count: data.hiddenCount })}
        </span>
      )}
      <NoteBadge node={id} flow />
    </div>
  );
});

export const topicTypes = { topic: TopicView };
