/** What grouping into conversations needs of a message. */
export interface ThreadInput {
  uid: number;
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
}

/**
 * Conversations from References and In-Reply-To, for servers without THREAD=REFERENCES: messages
 * that name one another (directly or through a common ancestor that may not be in this folder)
 * share a conversation. Union-find over message-ids; no subject guessing, which joins strangers.
 */
export function threadByReferences(messages: ThreadInput[]): number[][] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root)!;
    let cur = x;
    while (cur !== root) {
      const next = parent.get(cur)!;
      parent.set(cur, root);
      cur = next;
    }
    return root;
  };
  const union = (a: string, b: string) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra, rb);
  };
  const norm = (id: string) => id.trim().toLowerCase();
  const keyOf = (m: ThreadInput) => (m.messageId ? norm(m.messageId) : `uid:${m.uid}`);
  for (const m of messages) {
    const key = keyOf(m);
    if (!parent.has(key)) parent.set(key, key);
    const related = [...m.references, ...(m.inReplyTo ? [m.inReplyTo] : [])].map(norm).filter(Boolean);
    for (const ref of related) {
      if (!parent.has(ref)) parent.set(ref, ref);
      union(ref, key);
    }
  }
  const groups = new Map<string, number[]>();
  for (const m of messages) {
    const root = find(keyOf(m));
    const group = groups.get(root) ?? [];
    group.push(m.uid);
    groups.set(root, group);
  }
  return [...groups.values()];
}
