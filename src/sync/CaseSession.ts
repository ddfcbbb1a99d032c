import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { migrateCaseDoc, NewerSchemaError } from '../core/migrations.ts';
import { colorFor } from './colors.ts';
import { keepUndoManager } from './undoSteps.ts';

export type ConnectionStatus = 'online' | 'offline' | 'syncing';

/** Someone with the case open, from Yjs awareness. */
export interface Peer {
  clientId: number;
  userId: string;
  name: string;
  color: string;
  self: boolean;
}

export interface SessionState {
  status: ConnectionStatus;
  /** The document has content to show (from IndexedDB or the server). */
  ready: boolean;
  peers: Peer[];
  /** An i18n key under `sync.` when the session cannot go on syncing. */
  fatal: string | null;
  canUndo: boolean;
  canRedo: boolean;
}

export interface SessionUser {
  id: string;
  displayName: string;
}

/** Close codes after which reconnecting would only fail again (see docs/api.md). */
const FATAL_CLOSES: Record<number, string> = {
  1009: 'tooLarge',
  4400: 'malformed',
  4413: 'tooLarge',
  4422: 'malformed',
  4423: 'notesOnly',
  4403: 'accessRemoved',
  4401: 'sessionEnded',
};

/** Close codes after which the page keeps what it has and tries again, telling the person why. */
const PASSING_CLOSES: Record<number, string> = {
  4500: 'storageFailed',
};

/**
 * One open case in the page: its Y.Doc, the IndexedDB cache (offline and reload), the sync socket,
 * presence, and this person's undo history. Every command the page runs uses `origin`, which is
 * what the undo manager tracks, so undo never touches a colleague's change.
 */
export class CaseSession {
  readonly doc = new Y.Doc();
  readonly origin = { caseSession: true };
  readonly undoManager: Y.UndoManager;
  readonly store: StoreApi<SessionState>;
  readonly provider: WebsocketProvider;
  private readonly persistence: IndexeddbPersistence;
  private connected = false;
  private synced = false;
  private destroyed = false;

  constructor(
    readonly caseId: string,
    user: SessionUser,
    private readonly readOnly: boolean,
  ) {
    this.store = createStore<SessionState>(() => ({
      status: 'offline',
      ready: false,
      peers: [],
      fatal: null,
      canUndo: false,
      canRedo: false,
    }));
    this.persistence = new IndexeddbPersistence(`caseboard-case-${caseId}`, this.doc);
    this.persistence.once('synced', () => this.store.setState({ ready: true }));

    this.undoManager = new Y.UndoManager(
      [
        this.doc.getMap('boards'),
        this.doc.getMap('register'),
        this.doc.getMap('deck'),
        this.doc.getMap('files'),
        // Procedural events and charge classes (src/core/procedure/).
        this.doc.getMap('procedure'),
        // The case report's settings (src/core/report/).
        this.doc.getMap('report'),
      ],
      {
        trackedOrigins: new Set([this.origin]),
        // Every command is one step: undo takes back one keyboard action at a time.
        captureTimeout: 0,
      },
    );
    // An import written in steps groups them into one undo step through it (undoSteps.ts).
    keepUndoManager(this.doc, this.undoManager);
    const onStack = () =>
      this.store.setState({
        canUndo: this.undoManager.canUndo(),
        canRedo: this.undoManager.canRedo(),
      });
    this.undoManager.on('stack-item-added', onStack);
    this.undoManager.on('stack-item-popped', onStack);
    this.undoManager.on('stack-cleared', onStack);

    const wsOrigin = location.origin.replace(/^http/, 'ws');
    this.provider = new WebsocketProvider(`${wsOrigin}/yjs`, caseId, this.doc, {
      connect: navigator.onLine,
      disableBc: true,
    });
    this.provider.awareness.setLocalStateField('user', {
      id: user.id,
      name: user.displayName,
      color: colorFor(user.id),
    });
    this.provider.on('status', ({ status }) => {
      this.connected = status === 'connected';
      if (!this.connected) this.synced = false;
      this.updateStatus();
    });
    this.provider.on('sync', (isSynced: boolean) => {
      this.synced = isSynced;
      if (isSynced) this.onServerSync();
      if (isSynced && Object.values(PASSING_CLOSES).includes(this.store.getState().fatal ?? ''))
        this.store.setState({ fatal: null });
      this.updateStatus();
    });
    this.provider.on('connection-close', (event) => {
      const fatal = event ? FATAL_CLOSES[event.code] : undefined;
      if (fatal) {
        this.provider.shouldConnect = false;
        this.store.setState({ fatal });
      }
      const passing = event ? PASSING_CLOSES[event.code] : undefined;
      if (passing) this.store.setState({ fatal: passing });
    });
    this.provider.awareness.on('change', this.onAwareness);
    this.onAwareness();
    window.addEventListener('offline', this.onOffline);
    window.addEventListener('online', this.onOnline);
  }

  undo(): void {
    this.undoManager.undo();
  }

  redo(): void {
    this.undoManager.redo();
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    window.removeEventListener('offline', this.onOffline);
    window.removeEventListener('online', this.onOnline);
    this.provider.awareness.off('change', this.onAwareness);
    this.undoManager.destroy();
    this.provider.destroy();
    void this.persistence.destroy();
    this.doc.destroy();
  }

  private onServerSync(): void {
    this.store.setState({ ready: true });
    if (this.readOnly) return;
    try {
      migrateCaseDoc(this.doc, 'migration');
    } catch (err) {
      if (err instanceof NewerSchemaError) this.store.setState({ fatal: 'newerSchema' });
      else throw err;
    }
  }

  private updateStatus(): void {
    const status: ConnectionStatus = !this.connected
      ? 'offline'
      : this.synced
        ? 'online'
        : 'syncing';
    if (this.store.getState().status !== status) this.store.setState({ status });
  }

  private readonly onOffline = () => {
    // The socket may linger for a while after the network is gone; say offline at once.
    this.provider.disconnect();
  };

  private readonly onOnline = () => {
    if (!this.store.getState().fatal) this.provider.connect();
  };

  private readonly onAwareness = () => {
    const peers: Peer[] = [];
    const self = this.provider.awareness.clientID;
    this.provider.awareness.getStates().forEach((state, clientId) => {
      const user = (state as { user?: { id?: string; name?: string; color?: string } }).user;
      if (!user?.id) return;
      peers.push({
        clientId,
        userId: user.id,
        name: user.name ?? '?',
        color: user.color ?? '#555',
        self: clientId === self,
      });
    });
    const previous = this.store.getState().peers;
    const same =
      previous.length === peers.length &&
      previous.every((p, i) => p.clientId === peers[i]?.clientId && p.name === peers[i]?.name);
    if (!same) this.store.setState({ peers });
  };
}
