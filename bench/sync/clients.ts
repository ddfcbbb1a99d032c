import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

export type ServerKind = 'ours' | 'ours-no-fsync' | 'reference' | 'hocuspocus';

/** One editor: a document kept in sync with a room, through that server's own client. */
export interface Editor {
  doc: Y.Doc;
  synced: Promise<void>;
  destroy(): void;
}

/** Connects an editor to `room` on a server of `kind` at `port`; `token` authenticates ours. */
export function connectEditor(
  kind: ServerKind,
  port: number,
  room: string,
  token: string | null,
): Editor {
  const doc = new Y.Doc();
  if (kind === 'hocuspocus') {
    const websocketProvider = new HocuspocusProviderWebsocket({
      url: `ws://127.0.0.1:${port}`,
      WebSocketPolyfill: WebSocket as never,
    });
    let resolve!: () => void;
    const synced = new Promise<void>((r) => (resolve = r));
    const provider = new HocuspocusProvider({
      websocketProvider,
      name: room,
      document: doc,
      onSynced: () => resolve(),
    });
    provider.attach();
    return {
      doc,
      synced,
      destroy: () => {
        provider.destroy();
        websocketProvider.destroy();
      },
    };
  }
  const url = kind === 'reference' ? `ws://127.0.0.1:${port}` : `ws://127.0.0.1:${port}/yjs`;
  const provider = new WebsocketProvider(url, room, doc, {
    WebSocketPolyfill: WebSocket as never,
    disableBc: true,
    params: token ? { token } : {},
  });
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) resolve();
    else provider.once('sync', () => resolve());
  });
  return { doc, synced, destroy: () => provider.destroy() };
}
