import { useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type { ShownState } from './shown.ts';

/** Someone presenting in this case, from awareness: their client id, name and state. */
export interface RemotePresenter {
  clientId: number;
  name: string;
  state: ShownState;
}

/** Everyone presenting now (usually one), kept current. */
export function usePresenters(awareness: Awareness | null): RemotePresenter[] {
  const [presenters, setPresenters] = useState<RemotePresenter[]>([]);
  useEffect(() => {
    if (!awareness) return;
    const read = () => {
      const found: RemotePresenter[] = [];
      awareness.getStates().forEach((state, clientId) => {
        if (clientId === awareness.clientID) return;
        const shown = (state as { present?: ShownState | null }).present;
        const user = (state as { user?: { name?: string } }).user;
        if (shown?.slideId) found.push({ clientId, name: user?.name ?? '', state: shown });
      });
      setPresenters(found);
    };
    read();
    awareness.on('change', read);
    return () => awareness.off('change', read);
  }, [awareness]);
  return presenters;
}

/** The presenter with this client id, or null when they stopped (or none is asked for). */
export function useRemotePresenter(
  awareness: Awareness | null,
  clientId: number | undefined,
): RemotePresenter | null {
  const presenters = usePresenters(clientId === undefined ? null : awareness);
  return presenters.find((p) => p.clientId === clientId) ?? null;
}
