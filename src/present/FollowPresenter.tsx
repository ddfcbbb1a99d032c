import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import { PresentView, usePresenters } from './PresentView.tsx';

/** How long the "presenter has stopped" notice stays once the follower is back on the board. */
const NOTICE_MS = 6000;

/**
 * Following someone who presents. When they stop, the follower is back on the board at once, with
 * a notice that does not block anything and goes away by itself.
 */
export function FollowPresenter(props: {
  doc: Y.Doc;
  caseId: string;
  awareness: Awareness | null;
  clientId: number;
  onExit(): void;
}) {
  const { doc, caseId, awareness, clientId, onExit } = props;
  const { t } = useTranslation('present');
  const presenting = usePresenters(awareness).some((p) => p.clientId === clientId);
  const seen = useRef(false);
  const [stopped, setStopped] = useState(false);
  useEffect(() => {
    if (presenting) seen.current = true;
    else if (seen.current) setStopped(true);
  }, [presenting]);
  // The page passes a new `onExit` on every render; the notice's time must not start again each time.
  const exit = useRef(onExit);
  useEffect(() => {
    exit.current = onExit;
  }, [onExit]);
  useEffect(() => {
    if (!stopped) return;
    const timer = setTimeout(() => exit.current(), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [stopped]);
  if (stopped)
    return (
      <p className="present-notice" role="status" data-testid="present-stopped">
        {t('stopped')}
      </p>
    );
  return (
    <PresentView
      doc={doc}
      caseId={caseId}
      awareness={awareness}
      mode="follow"
      clientId={clientId}
      onExit={onExit}
    />
  );
}
