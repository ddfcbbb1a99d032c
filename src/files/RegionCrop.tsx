import { memo, useEffect, useId, useState } from 'react';
import type { PageRegion } from '../core/statements.ts';
import { LruCache } from '../ui/lruCache.ts';
import { fileUrl } from './api.ts';
import { renderPage } from './pdf.ts';
import './regionCrop.css';

interface PageImage {
  src: string;
  width: number;
  height: number;
}

/** Pages drawn once for every crop of them (a comparison shows many regions of one page). */
const pages = new LruCache<string, Promise<PageImage>>(24);

function loadPage(url: string, mime: string, page: number): Promise<PageImage> {
  const key = `${url}#${page}`;
  let image = pages.get(key);
  if (!image) {
    image =
      mime === 'application/pdf'
        ? renderPage(url, page, 2)
        : new Promise<PageImage>((resolve, reject) => {
            const img = new Image();
            img.onload = () =>
              resolve({ src: url, width: img.naturalWidth, height: img.naturalHeight });
            img.onerror = () => reject(new Error(url));
            img.src = url;
          });
    image.catch(() => pages.delete(key));
    pages.set(key, image);
  }
  return image;
}

/**
 * A region of a case-file page (a PDF page or a scan) drawn as large as its box allows, as the
 * callout marks show it: the page cut to the region, in its own proportions. Without a region,
 * the whole page.
 * @example <RegionCrop caseId={id} hash={file.hash} mime={file.mime} page={3} region={{ x: 0.1, y: 0.4, w: 0.8, h: 0.1 }} />
 */
export const RegionCrop = memo(function RegionCrop({
  caseId,
  hash,
  mime,
  page,
  region,
  label,
  className,
}: {
  caseId: string;
  hash: string;
  mime: string;
  page: number;
  region?: PageRegion | undefined;
  /** What the picture shows, for screen readers. */
  label: string;
  className?: string;
}) {
  // useId's characters (colons, guillemets) are not all safe inside url(#…).
  const clipId = `region-${useId().replace(/[^\w-]/g, '')}`;
  const [image, setImage] = useState<PageImage | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let cancelled = false;
    loadPage(fileUrl(caseId, hash), mime, page).then(
      (loaded) => !cancelled && setImage(loaded),
      () => !cancelled && setFailed(true),
    );
    return () => {
      cancelled = true;
    };
  }, [caseId, hash, mime, page]);
  if (failed || !image) return <span className={`region-crop is-loading ${className ?? ''}`} />;
  const r = region ?? { x: 0, y: 0, w: 1, h: 1 };
  const { width, height } = image;
  const box = { x: r.x * width, y: r.y * height, width: r.w * width, height: r.h * height };
  return (
    <svg
      className={`region-crop ${className ?? ''}`}
      viewBox={`${box.x} ${box.y} ${box.width} ${box.height}`}
      preserveAspectRatio="xMidYMid meet"
      style={{ aspectRatio: `${box.width} / ${box.height}` }}
      role="img"
      aria-label={label}
      data-testid="region-crop"
    >
      {/* Only the region: where the box is wider than the region, the rest of the page stays out. */}
      <clipPath id={clipId}>
        <rect {...box} />
      </clipPath>
      <image
        href={image.src}
        x={0}
        y={0}
        width={width}
        height={height}
        clipPath={`url(#${clipId})`}
      />
    </svg>
  );
});
