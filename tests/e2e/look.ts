import type { Page } from 'playwright-core';

/**
 * Looking at what is drawn, not at what exists: contrast of rendered text against what is behind
 * it, and on-screen sizes. Everything is computed in the page from computed styles and boxes.
 */

export interface ContrastProblem {
  text: string;
  ratio: number;
  color: string;
  background: string;
}

/**
 * Every visible text (and every button, link and input) inside `root` whose colour has a contrast
 * below `minimum` (WCAG AA: 4.5) against the background it is drawn on: the nearest opaque
 * background of its ancestors, semi-transparent ones blended on top. Disabled controls are exempt,
 * as WCAG exempts them; elements over an image or gradient are judged against its first colour
 * stop when there is one, and skipped otherwise.
 */
export async function contrastProblems(
  page: Page,
  root = 'body',
  minimum = 4.5,
): Promise<ContrastProblem[]> {
  return page.evaluate(
    ({ root, minimum }) => {
      type Rgba = [number, number, number, number];
      const parse = (value: string): Rgba | null => {
        const m = /rgba?\(([^)]+)\)/.exec(value);
        if (!m) return null;
        const parts = m[1]!
          .split(/[\s,/]+/)
          .filter(Boolean)
          .map(Number);
        return [parts[0]!, parts[1]!, parts[2]!, parts[3] ?? 1];
      };
      const over = (top: Rgba, bottom: Rgba): Rgba => {
        const a = top[3];
        return [
          top[0] * a + bottom[0] * (1 - a),
          top[1] * a + bottom[1] * (1 - a),
          top[2] * a + bottom[2] * (1 - a),
          1,
        ];
      };
      const luminance = ([r, g, b]: Rgba) => {
        const channel = (c: number) => {
          const s = c / 255;
          return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
        };
        return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
      };
      const ratio = (a: Rgba, b: Rgba) => {
        const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
        return (hi + 0.05) / (lo + 0.05);
      };
      /** The colour behind `el`, or null when it is an image we cannot judge. */
      const backgroundOf = (el: Element): Rgba | null => {
        const layers: Rgba[] = [];
        let opacity = 1;
        for (let node: Element | null = el; node; node = node.parentElement) {
          const style = getComputedStyle(node);
          opacity *= Number(style.opacity);
          const image = style.backgroundImage;
          if (image && image !== 'none') {
            const stop = parse(image);
            if (!stop) return null;
            layers.push(stop);
            if (stop[3] >= 1) break;
            continue;
          }
          const colour = parse(style.backgroundColor);
          if (colour && colour[3] > 0) {
            layers.push(colour);
            if (colour[3] >= 1) break;
          }
        }
        let result: Rgba = [255, 255, 255, 1];
        for (const layer of layers.reverse()) result = over(layer, result);
        void opacity;
        return result;
      };
      const visible = (el: Element) => {
        const box = el.getBoundingClientRect();
        if (box.width < 1 || box.height < 1) return false;
        if (box.bottom < 0 || box.right < 0 || box.top > innerHeight || box.left > innerWidth)
          return false;
        const style = getComputedStyle(el);
        return style.visibility !== 'hidden' && style.display !== 'none';
      };
      const problems: { text: string; ratio: number; color: string; background: string }[] = [];
      const scope = document.querySelector(root);
      if (!scope) return problems;
      for (const el of scope.querySelectorAll('*')) {
        if (el instanceof SVGElement || !visible(el)) continue;
        if ((el as HTMLButtonElement).disabled || el.closest('[aria-disabled=true],:disabled'))
          continue;
        const ownText = [...el.childNodes]
          .filter((n) => n.nodeType === Node.TEXT_NODE)
          .map((n) => n.textContent ?? '')
          .join('')
          .trim();
        const control = el.matches('button, a, input, select, textarea');
        if (!ownText && !(control && (el as HTMLElement).innerText?.trim())) continue;
        if (!ownText && control && el.querySelector('*')) continue; // its children are judged
        const style = getComputedStyle(el);
        const fg = parse(style.color);
        const bg = backgroundOf(el);
        if (!fg || !bg) continue;
        let effectiveOpacity = 1;
        for (let node: Element | null = el; node; node = node.parentElement)
          effectiveOpacity *= Number(getComputedStyle(node).opacity);
        const drawn = over([fg[0], fg[1], fg[2], fg[3] * effectiveOpacity], bg);
        const r = ratio(drawn, bg);
        if (r < minimum)
          problems.push({
            text: (ownText || (el as HTMLElement).innerText).slice(0, 60),
            ratio: Math.round(r * 100) / 100,
            color: style.color,
            background: `rgb(${bg.slice(0, 3).map(Math.round).join(', ')})`,
          });
      }
      return problems;
    },
    { root, minimum },
  );
}

/** Rendered height in CSS pixels of every visible element matching `selector`. */
export async function renderedHeights(page: Page, selector: string): Promise<number[]> {
  return page.$$eval(selector, (els) =>
    els
      .map((el) => el.getBoundingClientRect())
      .filter((box) => box.width > 0 && box.height > 0)
      .map((box) => box.height),
  );
}

/**
 * Text drawn over a picture must carry its own background: the background colour of the element
 * matching `selector` itself (alpha, 1 when opaque) and the contrast of its text against it.
 */
export async function ownBackground(
  page: Page,
  selector: string,
): Promise<{ alpha: number; ratio: number }> {
  return page.$eval(selector, (el) => {
    const parse = (value: string) => {
      const parts = /rgba?\(([^)]+)\)/
        .exec(value)![1]!
        .split(/[\s,/]+/)
        .filter(Boolean)
        .map(Number);
      return [parts[0]!, parts[1]!, parts[2]!, parts[3] ?? 1] as const;
    };
    const luminance = (c: readonly number[]) => {
      const channel = (v: number) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * channel(c[0]!) + 0.7152 * channel(c[1]!) + 0.0722 * channel(c[2]!);
    };
    const style = getComputedStyle(el);
    const bg = parse(style.backgroundColor);
    const [hi, lo] = [luminance(parse(style.color)), luminance(bg)].sort((a, b) => b - a);
    return { alpha: bg[3], ratio: Math.round(((hi! + 0.05) / (lo! + 0.05)) * 100) / 100 };
  });
}
