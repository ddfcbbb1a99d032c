declare module 'd3-flextree' {
  interface FlexNode<T> {
    data: T;
    x: number;
    y: number;
  }
  interface FlexLayout<T> {
    (root: FlexNode<T>): FlexNode<T>;
    hierarchy(data: T, children?: (d: T) => T[] | undefined): FlexNode<T>;
  }
  export function flextree<T>(options: {
    nodeSize: (node: FlexNode<T>) => [number, number];
    spacing?: number | ((a: FlexNode<T>, b: FlexNode<T>) => number);
    children?: (d: T) => T[] | undefined;
  }): FlexLayout<T>;
}
