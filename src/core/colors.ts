const PALETTE = [
  '#1d4ed8',
  '#b91c1c',
  '#047857',
  '#7c3aed',
  '#b45309',
  '#0e7490',
  '#be185d',
  '#4d7c0f',
  '#6d28d9',
  '#c2410c',
];

/**
 * A stable colour for a person, from their user id, so everyone sees them in the same colour. The
 * server stamps it on presence too, so no one can wear a colleague's colour.
 *
 * @example colorFor(user.id) // '#047857'
 */
export function colorFor(userId: string): string {
  let hash = 0;
  for (const char of userId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return PALETTE[hash % PALETTE.length]!;
}
