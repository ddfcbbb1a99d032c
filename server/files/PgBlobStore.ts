import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type pg from 'pg';
import { BlobStore } from './BlobStore.ts';

/** Bytes per stored chunk: a file is read back one chunk at a time, never whole. */
export const CHUNK_BYTES = 1024 * 1024;

/**
 * Case-file bytes in PostgreSQL (`blobs`, `blob_chunks`), so that every instance reads the same
 * files without a shared folder and a database backup holds the case file too. A file's chunks and
 * then its `blobs` row are written in one transaction: a file is there whole or not at all, and
 * two instances storing the same bytes at once both succeed.
 */
export class PgBlobStore extends BlobStore {
  constructor(
    private readonly pool: pg.Pool,
    dataDir: string,
  ) {
    super(dataDir);
  }

  async has(hash: string): Promise<boolean> {
    return (await this.pool.query('SELECT 1 FROM blobs WHERE hash = $1', [hash])).rowCount! > 0;
  }

  async size(hash: string): Promise<number> {
    const { rows } = await this.pool.query<{ size: string }>(
      'SELECT size FROM blobs WHERE hash = $1',
      [hash],
    );
    if (!rows[0]) throw new Error(`no stored file ${hash}`);
    return Number(rows[0].size);
  }

  open(hash: string): Readable {
    const pool = this.pool;
    return Readable.from(
      (async function* () {
        const { rows } = await pool.query<{ chunks: number }>(
          'SELECT chunks FROM blobs WHERE hash = $1',
          [hash],
        );
        if (!rows[0]) throw new Error(`no stored file ${hash}`);
        for (let n = 0; n < rows[0].chunks; n++) {
          const chunk = await pool.query<{ data: Buffer }>(
            'SELECT data FROM blob_chunks WHERE hash = $1 AND n = $2',
            [hash, n],
          );
          if (!chunk.rows[0]) throw new Error(`stored file ${hash} lacks chunk ${n}`);
          yield chunk.rows[0].data;
        }
      })(),
      { objectMode: false },
    );
  }

  protected async keep(path: string, hash: string): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      let n = 0;
      let size = 0;
      for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES })) {
        const data = chunk as Buffer;
        await client.query(
          'INSERT INTO blob_chunks (hash, n, data) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
          [hash, n++, data],
        );
        size += data.length;
      }
      await client.query(
        'INSERT INTO blobs (hash, size, chunks) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
        [hash, size, n],
      );
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  /** Copies a file already on disk (the migration from a folder); true if it was not there yet. */
  async import(path: string, hash: string): Promise<boolean> {
    if (await this.has(hash)) return false;
    await this.keep(path, hash);
    return true;
  }
}
