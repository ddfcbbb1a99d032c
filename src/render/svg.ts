import { FONT_STACK } from './fonts.ts';
import { n, type Paint, type Picture, type Shape } from './picture.ts';

/**
 * A `Picture` as a self-contained vector SVG: plain <rect>, <ellipse>, <path>, <text> and <image>
 * elements with presentation attributes (no CSS classes, no foreignObject), so that Chromium,
 * rsvg-convert, Inkscape and LibreOffice draw the same picture. Browsers use the embedded web font
 * (`fontCss`, an @font-face rule with data: URLs); other programs use Be Vietnam Pro when it is
 * installed, a sans-serif otherwise. Pictures from the case file are embedded as data: URLs.
 */

export interface SvgResources {
  /** @font-face rules to embed (`svgFontCss`); omitted: text names the font only. */
  fontCss?: string;
  /** Case-file pictures by blob hash, as data: URLs. */
  images?: ReadonlyMap<string, string>;
  /** PDF pages by `${hash}#${page}`, as data: URLs of a picture of the page. */
  pdfPages?: ReadonlyMap<string, string>;
}

export function toSvg(picture: Picture, resources: SvgResources = {}): string {
  const out: string[] = [];
  const w = n(picture.width);
  const h = n(picture.height);
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" font-family="${FONT_STACK}">`,
  );
  out.push(`<title>${escapeXml(picture.title.normalize('NFC'))}</title>`);
  if (resources.fontCss) out.push(`<defs><style>${resources.fontCss}</style></defs>`);
  if (picture.background)
    out.push(`<rect x="0" y="0" width="${w}" height="${h}" fill="${picture.background}"/>`);
  const clips = { next: 0 };
  for (const shape of picture.shapes) writeShape(shape, out, resources, clips);
  out.push('</svg>');
  return out.join('\n');
}

function paint(p: Paint, defaultFill: string): string {
  const parts = [`fill="${p.fill ?? defaultFill}"`];
  if (p.stroke && p.stroke !== 'none') {
    parts.push(`stroke="${p.stroke}"`, `stroke-width="${n(p.strokeWidth ?? 1)}"`);
    if (p.dash?.length) parts.push(`stroke-dasharray="${p.dash.map(n).join(' ')}"`);
  }
  if (p.opacity !== undefined && p.opacity < 1) parts.push(`opacity="${n(p.opacity)}"`);
  return parts.join(' ');
}

function writeShape(
  shape: Shape,
  out: string[],
  resources: SvgResources,
  clips: { next: number },
): void {
  switch (shape.kind) {
    case 'rect': {
      const r = shape.radius ? ` rx="${n(shape.radius)}" ry="${n(shape.radius)}"` : '';
      out.push(
        `<rect x="${n(shape.x)}" y="${n(shape.y)}" width="${n(shape.width)}" height="${n(shape.height)}"${r} ${paint(shape, '#000000')}/>`,
      );
      return;
    }
    case 'ellipse':
      out.push(
        `<ellipse cx="${n(shape.cx)}" cy="${n(shape.cy)}" rx="${n(shape.rx)}" ry="${n(shape.ry)}" ${paint(shape, '#000000')}/>`,
      );
      return;
    case 'path': {
      const extra = [
        shape.lineCap ? `stroke-linecap="${shape.lineCap}"` : '',
        shape.lineJoin ? `stroke-linejoin="${shape.lineJoin}"` : '',
      ]
        .filter(Boolean)
        .join(' ');
      out.push(`<path d="${shape.d}" ${paint(shape, 'none')}${extra ? ` ${extra}` : ''}/>`);
      return;
    }
    case 'text': {
      const anchor =
        shape.anchor && shape.anchor !== 'start' ? ` text-anchor="${shape.anchor}"` : '';
      const weight = shape.weight && shape.weight !== 400 ? ` font-weight="${shape.weight}"` : '';
      const opacity =
        shape.opacity !== undefined && shape.opacity < 1 ? ` opacity="${n(shape.opacity)}"` : '';
      out.push(
        `<text x="${n(shape.x)}" y="${n(shape.y)}" font-size="${n(shape.size)}"${weight}${anchor} fill="${shape.fill ?? '#000000'}"${opacity} xml:space="preserve">${escapeXml(shape.text.normalize('NFC'))}</text>`,
      );
      return;
    }
    case 'image': {
      const href = resources.images?.get(shape.hash);
      if (!href) return;
      out.push(imageElement(shape, href, shape.opacity));
      return;
    }
    case 'pdfPage': {
      const href = resources.pdfPages?.get(`${shape.hash}#${shape.page}`);
      if (href) out.push(imageElement(shape, href));
      else
        out.push(
          `<rect x="${n(shape.x)}" y="${n(shape.y)}" width="${n(shape.width)}" height="${n(shape.height)}" fill="#ffffff" stroke="#94a3b8"/>`,
        );
      return;
    }
    case 'group': {
      const attrs: string[] = [];
      if (shape.id) attrs.push(`data-id="${escapeXml(shape.id)}"`);
      if (shape.transform) attrs.push(`transform="matrix(${matrix(shape.transform)})"`);
      if (shape.opacity !== undefined && shape.opacity < 1)
        attrs.push(`opacity="${n(shape.opacity)}"`);
      out.push(`<g${attrs.length ? ` ${attrs.join(' ')}` : ''}>`);
      if (shape.clip) {
        const id = `clip${clips.next++}`;
        const c = shape.clip;
        out.push(
          `<clipPath id="${id}"><rect x="${n(c.x)}" y="${n(c.y)}" width="${n(c.width)}" height="${n(c.height)}"/></clipPath>`,
          `<g clip-path="url(#${id})">`,
        );
      }
      for (const child of shape.children) writeShape(child, out, resources, clips);
      if (shape.clip) out.push('</g>');
      out.push('</g>');
      return;
    }
  }
}

/** A matrix's scale and turn to six digits (a sheet's 0.567 must not become 0.57), its shift to two. */
function matrix(m: readonly [number, number, number, number, number, number]): string {
  const fine = (v: number) => String(Math.round(v * 1e6) / 1e6);
  return [fine(m[0]), fine(m[1]), fine(m[2]), fine(m[3]), n(m[4]), n(m[5])].join(' ');
}

function imageElement(
  box: { x: number; y: number; width: number; height: number },
  href: string,
  opacity?: number,
): string {
  const o = opacity !== undefined && opacity < 1 ? ` opacity="${n(opacity)}"` : '';
  return `<image x="${n(box.x)}" y="${n(box.y)}" width="${n(box.width)}" height="${n(box.height)}" preserveAspectRatio="none" href="${href}" xlink:href="${href}"${o}/>`;
}

/** Text safe inside an XML element or attribute (control characters dropped). */
export function escapeXml(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- XML 1.0 forbids these characters
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
  );
}

/** @font-face rules for the embedded web fonts: `files` maps weight → base64 WOFF2 files. */
export function svgFontCss(
  files: ReadonlyArray<{ weight: number; base64: string; range: string }>,
): string {
  return files
    .map(
      (f) =>
        `@font-face{font-family:'Be Vietnam Pro';font-weight:${f.weight};font-style:normal;src:url(data:font/woff2;base64,${f.base64}) format('woff2');unicode-range:${f.range};}`,
    )
    .join('');
}
