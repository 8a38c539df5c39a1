import { SaxesParser } from 'saxes';

/** An element of a parsed XML document. */
export interface XmlElement {
	name: string;
	attributes: Record<string, string>;
	children: XmlElement[];
	/** The element's own character data (CDATA included), in document order, children's left out. */
	text: string;
}

/**
 * Parses an XML document with a strict, namespace-aware XML 1.0 parser
 * (saxes): throws on anything that is not well-formed, including characters
 * XML forbids and unbound namespace prefixes.
 */
export function parseXml(xml: string): XmlElement {
	const parser = new SaxesParser({ xmlns: true });
	const top: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
	const stack = [top];
	const current = () => stack[stack.length - 1] as XmlElement;
	parser.on('error', (error) => {
		throw error;
	});
	parser.on('opentag', (tag) => {
		const element: XmlElement = {
			name: tag.name,
			attributes: Object.fromEntries(Object.entries(tag.attributes).map(([name, attribute]) => [name, attribute.value])),
			children: [],
			text: '',
		};
		current().children.push(element);
		stack.push(element);
	});
	parser.on('closetag', () => void stack.pop());
	parser.on('text', (text) => (current().text += text));
	parser.on('cdata', (text) => (current().text += text));
	parser.write(xml).close();
	const [root] = top.children;
	if (!root || top.children.length > 1) throw new Error('an XML document has exactly one root element');
	return root;
}

/** Every descendant element of `element` named `name`, in document order. */
export function elements(element: XmlElement, name: string): XmlElement[] {
	return element.children.flatMap((child) => [...(child.name === name ? [child] : []), ...elements(child, name)]);
}

/** The text of the first child of `element` named `name`, or `undefined` when there is none. */
export function childText(element: XmlElement, name: string): string | undefined {
	return element.children.find((child) => child.name === name)?.text;
}
