// Elements sharing a `link` value: hovering, selecting and filtering in one applies to all.

const links = new Map();

export function joinLink(el, id) {
  if (!id) return;
  if (!links.has(id)) links.set(id, new Set());
  links.get(id).add(el);
  el._linkId = id;
}

export function leaveLink(el) {
  if (!el._linkId) return;
  const set = links.get(el._linkId);
  set?.delete(el);
  if (set && !set.size) links.delete(el._linkId);
  el._linkId = null;
}

/** Calls `fn` with every other element linked to `el`. */
export function forLinked(el, fn) {
  const set = el._linkId && links.get(el._linkId);
  if (!set) return;
  for (const other of set) if (other !== el) fn(other);
}

/** Copies `el`'s group filter to its linked elements (without echoing it back). */
export function broadcastGroup(el) {
  if (el._syncingGroup) return;
  forLinked(el, (other) => {
    if (other.group === el.group) return;
    other._syncingGroup = true;
    other.group = el.group;
    other._syncingGroup = false;
  });
}
