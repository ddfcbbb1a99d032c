import { nanoid } from 'nanoid';

/**
 * A new random id for a board, node, edge, entity or slide.
 * @example newId() // 'V1StGXR8_Z5jdHi6B-myT'
 */
export function newId(): string {
  return nanoid();
}
