/**
 * The whole DOM of a page through DevTools (same-process frames and every shadow root included,
 * closed ones too), keyed by backendNodeId, and the difference between two such snapshots: what a
 * page script cannot hide or fake.
 */
import type { Page } from 'playwright-core';
import { cdp } from './lens-browser';

export interface SnapNode {
  id: number;
  parent?: number;
  name: string;
  value?: string;
  attrs: string[];
  children: number[];
  /** 'open' | 'closed' | 'user-agent' for a shadow root node. */
  shadowRootType?: string;
  shadowRoots: number[];
}
export type Snapshot = Map<number, SnapNode>;

interface CdpNode {
  backendNodeId: number;
  nodeName: string;
  nodeValue?: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
  shadowRootType?: string;
  contentDocument?: CdpNode;
  templateContent?: CdpNode;
  pseudoElements?: CdpNode[];
}

/** The whole DOM of the page (same-process frames and every shadow root included). */
export async function domSnapshot(page: Page): Promise<Snapshot> {
  const s = await cdp(page);
  const { root } = (await s.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
  const map: Snapshot = new Map();
  const walk = (n: CdpNode, parent?: number) => {
    const node: SnapNode = {
      id: n.backendNodeId,
      ...(parent !== undefined ? { parent } : {}),
      name: n.nodeName,
      ...(n.nodeValue ? { value: n.nodeValue } : {}),
      attrs: n.attributes ?? [],
      children: (n.children ?? []).map((c) => c.backendNodeId),
      ...(n.shadowRootType ? { shadowRootType: n.shadowRootType } : {}),
      shadowRoots: (n.shadowRoots ?? []).filter((r) => r.shadowRootType !== 'user-agent').map((c) => c.backendNodeId),
    };
    map.set(n.backendNodeId, node);
    for (const c of n.children ?? []) walk(c, n.backendNodeId);
    for (const c of n.shadowRoots ?? []) if (c.shadowRootType !== 'user-agent') walk(c, n.backendNodeId);
    if (n.contentDocument) {
      node.children.push(n.contentDocument.backendNodeId);
      walk(n.contentDocument, n.backendNodeId);
    }
    if (n.templateContent) walk(n.templateContent, n.backendNodeId);
  };
  walk(root);
  return map;
}

/** All nodes under `id` (itself included), shadow roots included. */
export function subtree(snap: Snapshot, id: number): SnapNode[] {
  const out: SnapNode[] = [];
  const stack = [id];
  while (stack.length) {
    const n = snap.get(stack.pop()!);
    if (!n) continue;
    out.push(n);
    stack.push(...n.children, ...n.shadowRoots);
  }
  return out;
}

/**
 * Compares two snapshots of the same page. Returns the elements present in `after` but not in
 * `before` whose parent existed before (the roots of what was added), and a list of every
 * other difference (changed, removed or moved nodes, attributes, text) outside those roots.
 */
export function diffSnapshots(before: Snapshot, after: Snapshot): { addedRoots: number[]; changes: string[] } {
  const addedRoots: number[] = [];
  const changes: string[] = [];
  for (const [id, n] of after) {
    if (!before.has(id) && n.parent !== undefined && before.has(n.parent)) addedRoots.push(id);
  }
  const added = new Set(addedRoots.flatMap((r) => subtree(after, r).map((n) => n.id)));
  for (const [id, b] of before) {
    const a = after.get(id);
    if (!a) {
      changes.push(`removed ${b.name}${b.value ? ` "${b.value.slice(0, 40)}"` : ''}`);
      continue;
    }
    if (a.value !== b.value) changes.push(`text of ${b.name} changed: "${(b.value ?? '').slice(0, 40)}" → "${(a.value ?? '').slice(0, 40)}"`);
    if (a.attrs.join('\u0000') !== b.attrs.join('\u0000')) changes.push(`attributes of ${b.name} changed: ${b.attrs.join(' ')} → ${a.attrs.join(' ')}`);
    const kids = a.children.filter((c) => !added.has(c));
    if (kids.join(',') !== b.children.join(',')) changes.push(`children of ${b.name} changed`);
    const roots = a.shadowRoots.filter((c) => !added.has(c));
    if (roots.join(',') !== b.shadowRoots.join(',')) changes.push(`shadow roots of ${b.name} changed`);
  }
  return { addedRoots, changes };
}

