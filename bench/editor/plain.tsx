/**
 * The baseline of the editor benchmark: the same graph as a CaseBoard board, drawn by plain
 * @xyflow/react 12 with its default nodes and edges, no Yjs and no CaseBoard code. The benchmark
 * hands the graph over as `window.__graph` before this script runs and reads `window.__ready`.
 */
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Background, Controls, ReactFlow, type Edge, type Node } from '@xyflow/react';
import '@xyflow/react/dist/style.css';

export interface BenchGraph {
  nodes: Array<{ id: string; x: number; y: number; width: number; height: number; label: string }>;
  edges: Array<{ source: string; target: string }>;
}

declare global {
  interface Window {
    __graph: BenchGraph;
    /** Moves `count` random nodes by a few pixels: the baseline's "another client moves nodes". */
    __moveSome?: (count: number) => void;
  }
}

function Plain({ graph }: { graph: BenchGraph }) {
  const [nodes, setNodes] = useState<Node[]>(() =>
    graph.nodes.map((n) => ({
      id: n.id,
      position: { x: n.x, y: n.y },
      data: { label: n.label },
      width: n.width,
      height: n.height,
      style: { width: n.width, height: n.height, padding: 4, fontSize: 14 },
    })),
  );
  const [edges] = useState<Edge[]>(() =>
    graph.edges.map((e) => ({
      id: `${e.source}->${e.target}`,
      source: e.source,
      target: e.target,
    })),
  );
  useEffect(() => {
    window.__moveSome = (count) =>
      setNodes((current) => {
        const next = current.slice();
        for (let i = 0; i < count; i++) {
          const k = Math.floor(Math.random() * next.length);
          const n = next[k]!;
          next[k] = { ...n, position: { x: n.position.x + 10, y: n.position.y + 6 } };
        }
        return next;
      });
  }, []);
  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      fitView
      minZoom={0.05}
      proOptions={{ hideAttribution: true }}
    >
      <Background gap={24} />
      <Controls showInteractive={false} />
    </ReactFlow>
  );
}

createRoot(document.getElementById('root')!).render(<Plain graph={window.__graph} />);
