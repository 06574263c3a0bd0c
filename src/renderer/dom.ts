type Attributes = Record<string, string | number | boolean | null | undefined | ((event: Event) => void)>;
type Child = Node | string | null | undefined | false;

/**
 * A small element builder. Text always goes in as text nodes, never as HTML, so nothing from
 * the API (a website name, an error message) can inject markup.
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') element.addEventListener(name.replace(/^on/, '').toLowerCase(), value);
    else if (value === true) element.setAttribute(name, '');
    else element.setAttribute(name, String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return element;
}

/** Replaces a container's content, keeping keyboard focus on the element with the same key. */
export function replaceKeepingFocus(container: HTMLElement, ...children: Array<Node | null>): void {
  rebuildKeepingFocus(container, () => children);
}

/**
 * As replaceKeepingFocus, with the new content built only after the focus is noted: building may
 * move a kept element (an open text field) out of the page, which takes its focus away.
 */
export function rebuildKeepingFocus(container: HTMLElement, build: () => Array<Node | null>): void {
  const active = document.activeElement;
  const key = active instanceof HTMLElement && container.contains(active) ? active.dataset['key'] : undefined;
  container.replaceChildren(...build().filter((child): child is Node => child !== null));
  if (key) container.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`)?.focus();
}
