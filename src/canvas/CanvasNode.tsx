import { createContext, memo, useContext } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import {
  AlertTriangle,
  Building2,
  Calendar,
  Car,
  CheckCircle2,
  CircleDashed,
  CreditCard,
  FileSearch,
  HelpCircle,
  MapPin,
  Shapes,
  Smartphone,
  User,
  Unlink,
} from 'lucide-react';
import type { PartyType } from '../core/links.ts';
import type { FactStatus } from '../core/proof.ts';
import type { EntityKind } from '../core/register.ts';
import type { CanvasNode } from './projection.ts';
import { Thumbnail } from '../files/Thumbnail.tsx';
import type { FileType } from '../core/commands/files.ts';
import { NoteBadge } from './noteBadges.tsx';

/** The case the canvas belongs to, for the nodes' thumbnails. */
export const CanvasCaseContext = createContext<string>('');

const ICONS: Record<EntityKind, typeof User> = {
  person: User,
  evidence: FileSearch,
  event: Calendar,
  fact: HelpCircle,
  place: MapPin,
};
const PARTY_ICONS: Record<PartyType, typeof User> = {
  phone: Smartphone,
  vehicle: Car,
  account: CreditCard,
  organisation: Building2,
  other: Shapes,
};
/** Proof verdicts are shown by an icon and a word as well as a colour. */
const STATUS_ICONS: Record<FactStatus, typeof User> = {
  proven: CheckCircle2,
  disputed: AlertTriangle,
  unproven: CircleDashed,
};

/** A node of the shared canvas: its text, or the linked entity's name with its kind. */
export const CanvasNodeView = memo(function CanvasNodeView({
  id,
  data,
  selected,
  type,
}: NodeProps<CanvasNode>) {
  const { t } = useTranslation('register');
  const caseId = useContext(CanvasCaseContext);
  const Icon = data.entityKind
    ? ICONS[data.entityKind]
    : data.party
      ? PARTY_ICONS[data.party]
      : null;
  const StatusIcon = data.status ? STATUS_ICONS[data.status] : null;
  return (
    <div
      className={`canvas-node${data.entityKind ? ` canvas-node--${data.entityKind}` : ''}${data.party ? ` canvas-node--party` : ''}${data.status ? ` is-${data.status}` : ''}${selected ? ' is-selected' : ''}${data.brokenLink ? ' is-broken' : ''}${data.dimmed ? ' is-dimmed' : ''}`}
      data-testid="canvas-node"
      data-status={data.status}
    >
      <Handle type="target" position={Position.Left} />
      {Icon && data.entityKind && (
        <span
          className="canvas-node__kind"
          title={t(`kind1.${data.entityKind}`)}
          data-testid="canvas-node-kind"
          data-kind={data.entityKind}
        >
          <Icon size={14} />
        </span>
      )}
      {Icon && data.party && (
        <span className="canvas-node__kind" title={t(`party.${data.party}`)} data-kind={data.party}>
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
          size={type === 'image' ? 200 : 40}
        />
      )}
      <span className="canvas-node__label" data-testid="canvas-node-label">
        {data.label || '…'}
      </span>
      {StatusIcon && (
        <span
          className="canvas-node__status"
          title={t(`status.${data.status}`)}
          data-testid="fact-status"
        >
          <StatusIcon size={14} aria-hidden />
          <span className="canvas-node__status-word">{t(`status.${data.status}`)}</span>
        </span>
      )}
      <Handle type="source" position={Position.Right} />
      <NoteBadge node={id} flow />
    </div>
  );
});

export const nodeTypes = {
  entity: CanvasNodeView,
  topic: CanvasNodeView,
  party: CanvasNodeView,
  image: CanvasNodeView,
};
