import { useEffect, useMemo, type RefObject } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { channelName, type PresenterMessage } from './channel.ts';
import { hearingPublisher } from './publish.ts';
import type { ShownState } from './shown.ts';

/** How long the camera settles on a new slide or step before its picture is taken. */
const PICTURE_DELAY_MS = 900;

export type ChannelCommand = PresenterMessage & { type: 'command' };

/**
 * While presenting, shows what is shown to everyone: awareness for members, the server for hearing
 * links (state and a picture of the stage), and the BroadcastChannel for the presenter view, whose
 * commands come back through `onCommand`. Ends it all when presenting ends.
 */
export function usePublishing(options: {
  presenting: boolean;
  /** Whether hearing-link holders are shown this presentation. */
  toHearingLinks: boolean;
  caseId: string;
  awareness: Awareness | null;
  shown: ShownState | null;
  stage: RefObject<HTMLElement | null>;
  /** Part of the picture's key: the same slide in another contrast is another picture. */
  contrast: boolean;
  onCommand(command: ChannelCommand): void;
}): void {
  const { presenting, caseId, awareness, shown, stage, contrast, onCommand } = options;
  const publishes = presenting && options.toHearingLinks;
  const publisher = useMemo(
    () => (publishes ? hearingPublisher(caseId) : null),
    [publishes, caseId],
  );
  const channel = useMemo(
    () =>
      presenting && typeof BroadcastChannel !== 'undefined'
        ? new BroadcastChannel(channelName(caseId))
        : null,
    [presenting, caseId],
  );
  useEffect(() => {
    if (!presenting || !shown) return;
    awareness?.setLocalStateField('present', shown);
    publisher?.state(shown);
    channel?.postMessage({ type: 'state', state: shown } satisfies PresenterMessage);
  }, [presenting, shown, awareness, channel, publisher]);
  useEffect(() => {
    if (!presenting) return;
    return () => {
      awareness?.setLocalStateField('present', null);
      publisher?.end();
      channel?.postMessage({ type: 'ended' } satisfies PresenterMessage);
      channel?.close();
    };
  }, [presenting, awareness, channel, publisher]);

  // A picture of the slide for hearing links, once the camera has settled on a new slide or step.
  const black = shown?.black ?? false;
  const pictureKey = shown ? `${shown.slideId}/${shown.step}/${black}/${contrast}` : '';
  useEffect(() => {
    if (!publisher || !pictureKey) return;
    const timer = setTimeout(() => {
      if (stage.current) void publisher.image(stage.current, black);
    }, PICTURE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [publisher, pictureKey, black, stage]);

  useEffect(() => {
    if (!channel) return;
    const onMessage = (event: MessageEvent<PresenterMessage>) => {
      if (event.data.type === 'command') onCommand(event.data);
      if (event.data.type === 'hello' && shown)
        channel.postMessage({ type: 'state', state: shown } satisfies PresenterMessage);
    };
    channel.addEventListener('message', onMessage);
    return () => channel.removeEventListener('message', onMessage);
  }, [channel, onCommand, shown]);
}
