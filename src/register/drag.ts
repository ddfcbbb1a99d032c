/** MIME type of an entity dragged from the register onto a board: the data is the entity's id. */
export const ENTITY_DRAG_TYPE = 'application/x-caseboard-entity';
