/**
 * Structure-aware mutations of DER, for fuzzing the EF.SOD parser and passive authentication with hostile chips.
 * Random bytes rarely get past the outer length checks; these mutations work on the TLV tree instead (also inside
 * OCTET and BIT STRINGs that wrap DER, like eContent and a certificate's key), re-encode the lengths so the
 * damage reaches the inner decoders, and then apply a few raw byte changes (a length byte, a value byte, a cut,
 * an insertion) that re-encoding would have repaired. Test and fuzz tooling only (it needs fast-check).
 */
import fc from 'fast-check';
import { concatBytes } from '../../../../lib/bytes.js';
import { decodeTlv, decodeTlvList, encodeTlv } from '../ber_tlv.js';

interface DerNode {
  tag: number;
  /** The value's TLVs when it is a constructed value, or an OCTET / BIT STRING wrapping exactly one TLV. */
  children: DerNode[] | undefined;
  /** How the children sit in the value; a BIT STRING puts its unused-bits byte first. */
  wrapping: 'constructed' | 'octets' | 'bits' | undefined;
  value: Uint8Array;
}

export type DerMutation =
  | { readonly kind: 'retag'; readonly node: number; readonly tag: number }
  | { readonly kind: 'replace-value'; readonly node: number; readonly value: Uint8Array }
  | { readonly kind: 'bad-time'; readonly node: number; readonly text: string }
  | { readonly kind: 'remove'; readonly node: number }
  | { readonly kind: 'duplicate'; readonly node: number }
  | { readonly kind: 'swap-with-next'; readonly node: number }
  | { readonly kind: 'wrap'; readonly node: number; readonly tag: number }
  | { readonly kind: 'unwrap'; readonly node: number }
  | { readonly kind: 'set-byte'; readonly offset: number; readonly value: number }
  | { readonly kind: 'length-byte'; readonly header: number; readonly value: number }
  | { readonly kind: 'truncate'; readonly at: number }
  | { readonly kind: 'insert'; readonly at: number; readonly bytes: Uint8Array };

const TIME_TAGS = new Set([0x17, 0x18]);

/** Tags a DER decoder must tell apart: universal types, CMS context tags, a multi-byte tag start, EF.SOD's 0x77. */
const INTERESTING_TAGS = [
  0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x0c, 0x13, 0x16, 0x17, 0x18, 0x1f, 0x24, 0x30, 0x31, 0x77, 0x80,
  0x81, 0xa0, 0xa1, 0xa3,
];

/** UTCTime / GeneralizedTime texts that are not valid X.509 times. */
const BAD_TIMES = [
  '',
  'Z',
  '991332000000Z',
  '991231246060Z',
  'AAAAAAAAAAAAZ',
  '2612011200',
  '20261301000000Z',
  '20261201120000+0800',
  '20261201120000.5Z',
  '202612011200Z',
  '99999999999999999999Z',
  '-1',
  '\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000Z',
];

function wrappedChild(value: Uint8Array): DerNode | undefined {
  const inner = decodeTlv(value);
  if (!inner.ok || inner.value.end !== value.length || !inner.value.constructed) return undefined;
  return parseNode(value);
}

function parseNode(bytes: Uint8Array): DerNode | undefined {
  const tlv = decodeTlv(bytes);
  if (!tlv.ok) return undefined;
  const { tag, constructed, value } = tlv.value;
  if (constructed) {
    const list = decodeTlvList(value);
    if (list.ok) {
      const children: DerNode[] = [];
      let offset = 0;
      for (const child of list.value) {
        const node = parseNode(value.subarray(offset, child.end));
        if (node === undefined) return { tag, children: undefined, wrapping: undefined, value };
        children.push(node);
        offset = child.end;
      }
      return { tag, children, wrapping: 'constructed', value };
    }
  }
  if (tag === 0x04) {
    const child = wrappedChild(value);
    if (child) return { tag, children: [child], wrapping: 'octets', value };
  }
  if (tag === 0x03 && value[0] === 0) {
    const child = wrappedChild(value.subarray(1));
    if (child) return { tag, children: [child], wrapping: 'bits', value };
  }
  return { tag, children: undefined, wrapping: undefined, value };
}

/** Re-encode the tree; `lengthOffsets` receives where each length field starts (for byte mutations). */
function serialize(node: DerNode, lengthOffsets: number[]): Uint8Array {
  const tagLength = encodeTlv(node.tag).length - 1;
  if (node.children === undefined) {
    lengthOffsets.push(tagLength);
    return encodeTlv(node.tag, node.value);
  }
  const prefix = node.wrapping === 'bits' ? Uint8Array.of(0) : new Uint8Array();
  const parts: Uint8Array[] = [prefix];
  const inner: number[] = [];
  let offset = prefix.length;
  for (const child of node.children) {
    const childOffsets: number[] = [];
    const encoded = serialize(child, childOffsets);
    inner.push(...childOffsets.map((childOffset) => childOffset + offset));
    parts.push(encoded);
    offset += encoded.length;
  }
  const encoded = encodeTlv(node.tag, ...parts);
  const headerLength = encoded.length - offset;
  lengthOffsets.push(tagLength, ...inner.map((innerOffset) => innerOffset + headerLength));
  return encoded;
}

interface Located {
  readonly node: DerNode;
  readonly parent: DerNode | undefined;
}

function flatten(root: DerNode): Located[] {
  const all: Located[] = [];
  const visit = (node: DerNode, parent: DerNode | undefined): void => {
    all.push({ node, parent });
    for (const child of node.children ?? []) visit(child, node);
  };
  visit(root, undefined);
  return all;
}

function pick<T>(items: readonly T[], index: number): T | undefined {
  return items.length === 0 ? undefined : items[index % items.length];
}

/** Replace `node` in its parent by `replacement` (any number of nodes). */
function splice(located: Located, replacement: DerNode[]): void {
  const siblings = located.parent?.children;
  if (siblings === undefined) return;
  const index = siblings.indexOf(located.node);
  if (located.parent?.wrapping !== 'constructed' && replacement.length !== 1) return;
  siblings.splice(index, 1, ...replacement);
}

function applyToTree(root: DerNode, mutation: DerMutation): void {
  const nodes = flatten(root);
  switch (mutation.kind) {
    case 'retag': {
      const target = pick(nodes, mutation.node);
      if (target) target.node.tag = mutation.tag;
      return;
    }
    case 'replace-value': {
      const target = pick(nodes, mutation.node);
      if (target)
        Object.assign(target.node, { children: undefined, wrapping: undefined, value: mutation.value });
      return;
    }
    case 'bad-time': {
      const target = pick(
        nodes.filter((located) => TIME_TAGS.has(located.node.tag)),
        mutation.node,
      );
      const value = Uint8Array.from([...mutation.text].map((c) => c.charCodeAt(0) & 0xff));
      if (target) Object.assign(target.node, { children: undefined, wrapping: undefined, value });
      return;
    }
    case 'remove':
    case 'duplicate':
    case 'swap-with-next':
    case 'wrap':
    case 'unwrap': {
      const target = pick(nodes, mutation.node);
      if (target?.parent) restructure(target, mutation);
      return;
    }
    case 'set-byte':
    case 'length-byte':
    case 'truncate':
    case 'insert':
      return;
    default: {
      const unreachable: never = mutation;
      throw new Error(`unknown mutation ${JSON.stringify(unreachable)}`);
    }
  }
}

function restructure(
  target: Located,
  mutation: Extract<DerMutation, { kind: 'remove' | 'duplicate' | 'swap-with-next' | 'wrap' | 'unwrap' }>,
): void {
  const siblings = target.parent?.children ?? [];
  switch (mutation.kind) {
    case 'remove':
      splice(target, []);
      return;
    case 'duplicate':
      splice(target, [target.node, structuredClone(target.node)]);
      return;
    case 'swap-with-next': {
      const index = siblings.indexOf(target.node);
      const next = siblings[index + 1];
      if (next !== undefined) siblings.splice(index, 2, next, target.node);
      return;
    }
    case 'wrap':
      splice(target, [
        {
          tag: mutation.tag | 0x20,
          children: [target.node],
          wrapping: 'constructed',
          value: new Uint8Array(),
        },
      ]);
      return;
    case 'unwrap':
      if (target.node.children) splice(target, target.node.children);
      return;
    default: {
      const unreachable: never = mutation;
      throw new Error(`unknown mutation ${JSON.stringify(unreachable)}`);
    }
  }
}

function applyToBytes(
  bytes: Uint8Array,
  lengthOffsets: readonly number[],
  mutation: DerMutation,
): Uint8Array {
  if (bytes.length === 0) return bytes;
  switch (mutation.kind) {
    case 'set-byte': {
      const out = Uint8Array.from(bytes);
      out[mutation.offset % out.length] = mutation.value;
      return out;
    }
    case 'length-byte': {
      const out = Uint8Array.from(bytes);
      const offset = pick(lengthOffsets, mutation.header);
      if (offset !== undefined && offset < out.length) out[offset] = mutation.value;
      return out;
    }
    case 'truncate':
      return bytes.subarray(0, mutation.at % bytes.length);
    case 'insert': {
      const at = mutation.at % (bytes.length + 1);
      return concatBytes(bytes.subarray(0, at), mutation.bytes, bytes.subarray(at));
    }
    default:
      return bytes;
  }
}

/**
 * The index a mutation's `node` takes for the element at `path` (child positions from the outermost TLV; OCTET
 * and BIT STRINGs that wrap DER count as having one child), so a test can name the element it damages.
 */
export function derNodeIndex(der: Uint8Array, path: readonly number[]): number {
  const root = parseNode(der);
  let node = root;
  for (const position of path) node = node?.children?.[position];
  const index =
    root === undefined || node === undefined ? -1 : flatten(root).findIndex((l) => l.node === node);
  if (index === -1) throw new Error(`no DER element at ${path.join('.')}`);
  return index;
}

/** Apply the mutations in order: tree mutations re-encode lengths, byte mutations then break the encoding. */
export function applyDerMutations(der: Uint8Array, mutations: readonly DerMutation[]): Uint8Array {
  const root = parseNode(der);
  if (root === undefined) throw new Error('applyDerMutations needs DER to start from');
  for (const mutation of mutations) applyToTree(root, mutation);
  const lengthOffsets: number[] = [];
  let bytes = serialize(root, lengthOffsets);
  for (const mutation of mutations) bytes = applyToBytes(bytes, lengthOffsets, mutation);
  return bytes;
}

const index = fc.nat({ max: 4096 });
const tag = fc.oneof(fc.constantFrom(...INTERESTING_TAGS), fc.integer({ min: 0, max: 0xff }));

export const derMutationArbitrary: fc.Arbitrary<DerMutation> = fc.oneof(
  fc.record({ kind: fc.constant('retag' as const), node: index, tag }),
  fc.record({
    kind: fc.constant('replace-value' as const),
    node: index,
    value: fc.oneof(fc.uint8Array({ maxLength: 40 }), fc.constant(new Uint8Array())),
  }),
  fc.record({ kind: fc.constant('bad-time' as const), node: index, text: fc.constantFrom(...BAD_TIMES) }),
  fc.record({ kind: fc.constant('remove' as const), node: index }),
  fc.record({ kind: fc.constant('duplicate' as const), node: index }),
  fc.record({ kind: fc.constant('swap-with-next' as const), node: index }),
  fc.record({ kind: fc.constant('wrap' as const), node: index, tag }),
  fc.record({ kind: fc.constant('unwrap' as const), node: index }),
  fc.record({
    kind: fc.constant('set-byte' as const),
    offset: index,
    value: fc.integer({ min: 0, max: 0xff }),
  }),
  fc.record({
    kind: fc.constant('length-byte' as const),
    header: index,
    value: fc.integer({ min: 0, max: 0xff }),
  }),
  fc.record({ kind: fc.constant('truncate' as const), at: index }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: index,
    bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }),
  }),
);

/** One to four mutations of a document: most inputs then differ from the genuine one in a few places. */
export const derMutationsArbitrary: fc.Arbitrary<DerMutation[]> = fc.array(derMutationArbitrary, {
  minLength: 1,
  maxLength: 4,
});
