/** Which chart a graph board draws. */
export type GraphMode = 'evidence' | 'relationship';
