import { EDXML_NAMESPACE } from '../namespace';
import type { EdxmlXmlElement } from '../model/message';
import type { XmlNode } from './xml-tree-reader';

/**
 * Looking things up in the tree the way real senders need: prefixed and default-namespace elements
 * are the same (both are the edXML namespace), an element with no namespace counts too, and order
 * never matters. Every element looked up is marked used; what stays unused is kept as unknown.
 */
const inEdxml = (node: XmlNode) => node.uri === EDXML_NAMESPACE || node.uri === '';

export function childrenNamed(node: XmlNode | undefined, ...names: string[]): XmlNode[] {
  if (!node) return [];
  const found = node.children.filter((child) => names.includes(child.local) && inEdxml(child));
  for (const child of found) child.used = true;
  return found;
}

export function childNamed(node: XmlNode | undefined, ...names: string[]): XmlNode | undefined {
  if (!node) return undefined;
  const found = node.children.find((child) => names.includes(child.local) && inEdxml(child));
  if (found) found.used = true;
  return found;
}

/** trimmed text of a child; absent when the element is missing or empty */
export function textOf(node: XmlNode | undefined, ...names: string[]): string | undefined {
  const child = names.length ? childNamed(node, ...names) : node;
  const text = child?.text.trim();
  return text ? text : undefined;
}

export function markAllUsed(node: XmlNode): void {
  node.used = true;
  for (const child of node.children) markAllUsed(child);
}

/** Elements that repeat in edXML: their structural path carries their index among same-named siblings. */
export const REPEATED_ELEMENTS = new Set(['To', 'TraceHeader', 'Reference', 'Attachment', 'ResponseFor', 'Receiver', 'ReplacementInfo', 'Place', 'Appendix', 'OrganId']);

export function structuralPath(node: XmlNode): string {
  if (!node.parent || node.parent.local === '#document') return node.local;
  const parentPath = structuralPath(node.parent);
  if (!REPEATED_ELEMENTS.has(node.local)) return `${parentPath}/${node.local}`;
  const index = node.parent.children.filter((sibling) => sibling.local === node.local).indexOf(node);
  return `${parentPath}/${node.local}[${index}]`;
}

/** An unknown element as data: attributes in Clark notation (`{uri}local`) when namespaced. */
export function toXmlElement(node: XmlNode): EdxmlXmlElement {
  const children = node.children.map(toXmlElement);
  const text = children.length ? node.text.trim() || undefined : node.text || undefined;
  return { name: node.local, ...(node.uri ? { namespace: node.uri } : {}), attributes: { ...node.attributes }, ...(text !== undefined ? { text } : {}), children };
}
