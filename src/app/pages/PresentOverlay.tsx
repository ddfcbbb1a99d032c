import { FollowPresenter } from '../../present/FollowPresenter.tsx';
import { PresentView } from '../../present/PresentView.tsx';
import type { CaseSession } from '../../sync/CaseSession.ts';

/** Present mode over the case page (from slide `presenting`), or following another presenter. */
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
      <PresentView
        doc={session.doc}
        caseId={caseId}
        awareness={session.provider.awareness}
        mode="present"
        toHearingLinks={toHearingLinks}
        start={{ index: presenting, step: 0 }}
        onExit={onExitPresent}
      />
    );
  if (following !== null)
    return (
      <FollowPresenter
        doc={session.doc}
        caseId={caseId}
        awareness={session.provider.awareness}
        clientId={following}
        onExit={onExitFollow}
      />
    );
  return null;
}
