import { useEffect, useMemo, useRef } from 'react';
import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import type { Slide } from '../core/commands/deck.ts';
import { channelName, type PresenterMessage } from './channel.ts';
import { hearingPublisher } from './publish.ts';
import type { ShownState } from './shown.ts';

/** A pause before a new slide or step is drawn for hearing links: paging through draws only the last. */
const PICTURE_DELAY_MS = 300;

export type ChannelCommand = PresenterMessage & { type: 'command' };

/**
 * While presenting, shows what is shown to everyone: awareness for members, the server for hearing
 * links (state and a picture of the slide, drawn from the document), and the BroadcastChannel for
 * the presenter view, whose
 * commands come back through `onCommand`. Ends it all when presenting ends.
 */
export function usePublishing(options: {
  presenting: boolean;
  /** Whether hearing-link holders are shown this presentation. */
  toHearingLinks: boolean;
  caseId: string;
  awareness: Awareness | null;
  shown: ShownState | null;
  /** The case document and its slides: the hearing picture is drawn from them. */
  doc: Y.Doc;
  slides: readonly Slide[];
  /** The language of words a slide's picture adds (axis dates, the marking). */
  language: string;
  onCommand(command: ChannelCommand): void;
}): void {
  const { presenting, caseId, awareness, shown, doc, slides, language, onCommand } = options;
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

  // A picture of the slide for hearing links, for each new slide, step or black screen. The slide
  // is drawn again when it changes (its signature), not when only the pointer moves.
  const black = shown?.black ?? false;
  const step = shown?.step ?? 0;
  // Read at its signature: a new object for the same slide (any deck change) draws nothing new.
  const slide = useRef<Slide | undefined>(undefined);
  slide.current = shown ? slides.find((s) => s.id === shown.slideId) : undefined;
  const signature = slide.current ? JSON.stringify(slide.current) : '';
  useEffect(() => {
    if (!publisher || !signature) return;
    const timer = setTimeout(() => {
      if (slide.current) void publisher.image(doc, slide.current, step, black, language);
    }, PICTURE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [publisher, signature, step, black, doc, language]);

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
