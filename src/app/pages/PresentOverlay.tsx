import { Suspense } from 'react';
import { FollowPresenter, PresentView } from '../lazyPanels.ts';
import type { CaseSession } from '../../sync/CaseSession.ts';

/**
 * Present mode over the case page (from slide `presenting`), or following another presenter; both
 * loaded when first used.
 */
export function PresentOverlay({
  session,
  caseId,
  toHearingLinks,
  presenting,
  following,
  onExitPresent,
  onExitFollow,
}: {
  session: CaseSession;
  caseId: string;
  toHearingLinks: boolean;
  /** The slide present mode starts on; null: not presenting. */
  presenting: number | null;
  /** The presenter followed, by awareness client id; null: following nobody. */
  following: number | null;
  onExitPresent(): void;
  onExitFollow(): void;
}) {
  if (presenting !== null)
    return (
      <Suspense fallback={null}>
        <PresentView
          doc={session.doc}
          caseId={caseId}
          awareness={session.provider.awareness}
          mode="present"
          toHearingLinks={toHearingLinks}
          start={{ index: presenting, step: 0 }}
          onExit={onExitPresent}
        />
      </Suspense>
    );
  if (following !== null)
    return (
      <Suspense fallback={null}>
        <FollowPresenter
          doc={session.doc}
          caseId={caseId}
          awareness={session.provider.awareness}
          clientId={following}
          onExit={onExitFollow}
        />
      </Suspense>
    );
  return null;
}
